import { describe, it, expect } from 'vitest';
import { generateCode } from '#shared/otp/index.ts';
import type { VaultAccount } from '../../extension/vault/index';
import { createCodeCache } from '../../extension/ui/accounts/code-cache';
import { groupCode, formatAccountLabel } from '../../extension/ui/text/format-code';

function account(extra: Partial<VaultAccount> = {}): VaultAccount {
  return {
    id: 'a1', type: 'totp', issuer: 'Example', account: 'ann@example.com', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
    algorithm: 'SHA1', digits: 6, period: 30, counter: 0, sites: [], pinned: false, order: 0, createdAt: 1, updatedAt: 1, ...extra,
  };
}

describe('groupCode', () => {
  it('groups 6 digits by three, 7 as 3+4 and 8 as 4+4', () => {
    expect(groupCode('123456')).toBe('123 456');
    expect(groupCode('1234567')).toBe('123 4567');
    expect(groupCode('12345678')).toBe('1234 5678');
  });

  it('names an account by issuer and account, or whichever there is', () => {
    expect(formatAccountLabel({ issuer: 'GitHub', account: 'bob' })).toBe('GitHub: bob');
    expect(formatAccountLabel({ issuer: '', account: 'bob' })).toBe('bob');
    expect(formatAccountLabel({ issuer: 'GitHub', account: '' })).toBe('GitHub');
  });
});

describe('code cache', () => {
  function counting() {
    let calls = 0;
    const cache = createCodeCache((acc, time) => { calls++; return generateCode(acc, time); });
    return { cache, calls: () => calls };
  }

  it('computes a TOTP code once per period and gives the shared core\'s code (RFC 6238 at 59 s: 287082)', () => {
    const { cache, calls } = counting();
    const totp = account();
    expect(cache.codeFor(totp, 59)).toBe('287082');
    for (let t = 31; t < 60; t++) expect(cache.codeFor(totp, t)).toBe('287082');
    expect(calls()).toBe(1);
    expect(cache.codeFor(totp, 60)).toBe(generateCode(totp, 60));
    expect(calls()).toBe(2);
  });

  it('follows each account\'s own period', () => {
    const { cache, calls } = counting();
    const slow = account({ id: 'slow', period: 60 });
    cache.codeFor(slow, 0);
    cache.codeFor(slow, 45);
    expect(calls()).toBe(1);
    expect(cache.codeFor(slow, 60)).toBe(generateCode(slow, 60));
    expect(calls()).toBe(2);
  });

  it('recomputes an HOTP code when its counter moves, not with time', () => {
    const { cache, calls } = counting();
    const hotp = account({ type: 'hotp', counter: 0 });
    expect(cache.codeFor(hotp, 0)).toBe('755224');
    expect(cache.codeFor(hotp, 1_000)).toBe('755224');
    expect(calls()).toBe(1);
    expect(cache.codeFor({ ...hotp, counter: 1, updatedAt: 2 }, 1_000)).toBe('287082');
  });

  it('recomputes after an edit of the same account within a period', () => {
    const { cache } = counting();
    const before = account();
    cache.codeFor(before, 59);
    const after = { ...before, algorithm: 'SHA256' as const, secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA', updatedAt: 2 };
    expect(cache.codeFor(after, 59)).toBe(generateCode(after, 59));
  });
});
