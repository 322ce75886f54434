// One secret, one account: a scanned secret the vault holds already is recognised however it is spelt.
import { describe, expect, it } from 'vitest';
import { findSameSecret } from '../../extension/capture/same-secret';

const existing = [
  { id: 'a1', secret: 'JBSWY3DPEHPK3PXP', issuer: 'GitHub' },
  { id: 'b2', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', issuer: 'Bank' },
];

describe('findSameSecret', () => {
  it('finds the account holding the same secret and gives its id', () => {
    expect(findSameSecret({ secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' }, existing)?.id).toBe('b2');
  });

  it('matches the secret bytes, whatever the case, spacing or padding', () => {
    expect(findSameSecret({ secret: 'jbsw y3dp ehpk 3pxp' }, existing)?.id).toBe('a1');
  });

  it('finds nothing for a new secret, an empty vault or an unreadable secret', () => {
    expect(findSameSecret({ secret: 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ' }, existing)).toBeUndefined();
    expect(findSameSecret({ secret: 'JBSWY3DPEHPK3PXP' }, [])).toBeUndefined();
    expect(findSameSecret({ secret: '!!!' }, existing)).toBeUndefined();
  });
});
