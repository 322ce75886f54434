// One key, one account: a key Tessera already holds is recognised however it is spelt, by every way of adding one.
import { describe, expect, it } from 'vitest';
import { findTwin, markTwins } from '../../extension/vault/twins';

const existing = [
  { id: 'a1', secret: 'JBSWY3DPEHPK3PXP', issuer: 'GitHub' },
  { id: 'b2', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', issuer: 'Bank' },
  { id: 'c3', secret: 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ', issuer: 'Mail' },
];

describe('findTwin', () => {
  it('finds the account holding the same key', () => {
    expect(findTwin({ secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' }, existing)?.id).toBe('b2');
  });

  it('matches the key\'s bytes, whatever the case, spacing or padding of its Base32', () => {
    expect(findTwin({ secret: 'jbsw y3dp ehpk 3pxp' }, existing)?.id).toBe('a1');
    // 34 characters: a Base32 writer pads them to 40 with six '='.
    expect(findTwin({ secret: 'krsx-g5ct-mvrx-ezlu-kn2x-azls-knsw-g4tf-oq======' }, existing)?.id).toBe('c3');
  });

  it('finds nothing for a new key, an empty vault or a secret that holds no key', () => {
    expect(findTwin({ secret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U' }, existing)).toBeUndefined();
    expect(findTwin({ secret: 'JBSWY3DPEHPK3PXP' }, [])).toBeUndefined();
    expect(findTwin({ secret: '!!!' }, [...existing, { id: 'x', secret: '!!!', issuer: 'Broken' }])).toBeUndefined();
  });
});

describe('markTwins', () => {
  it('marks what is already there and what comes twice in the list itself, and nothing without a key', () => {
    const marked = markTwins([{ secret: 'jbswy3dpehpk3pxp' }, { secret: 'MFRGGZDFMZTWQ2LK' }, { secret: 'MFRG GZDF MZTW Q2LK' }, { secret: '!!!' }, { secret: '!!!' }], existing);
    expect(marked.map((account) => account.duplicate)).toEqual([true, false, true, false, false]);
  });
});
