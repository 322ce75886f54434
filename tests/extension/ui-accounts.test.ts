import { describe, it, expect } from 'vitest';
import type { VaultAccount } from '../../extension/vault/index';
import { filterAccounts, moveAccount } from '../../extension/ui/accounts/filter-accounts';
import { buildManualAccount, DEFAULT_FIELDS, parsePastedUri } from '../../extension/ui/accounts/manual-account';
import { navigationFor } from '../../extension/entrypoints/popup/use-account-keys';

function account(id: string, issuer: string, name: string, sites: string[] = []): VaultAccount {
  return {
    id, type: 'totp', issuer, account: name, secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30,
    counter: 0, sites, pinned: false, order: 0, createdAt: 1, updatedAt: 1,
  };
}

const LIST = [account('1', 'GitHub', 'ann@example.com', ['github.com']), account('2', 'Google', 'bob@gmail.com'), account('3', 'Bank', 'ann')];

describe('search', () => {
  it('matches every word against issuer, account name and sites, ignoring case', () => {
    expect(filterAccounts(LIST, 'git').map((a) => a.id)).toEqual(['1']);
    expect(filterAccounts(LIST, 'ANN').map((a) => a.id)).toEqual(['1', '3']);
    expect(filterAccounts(LIST, 'ann bank').map((a) => a.id)).toEqual(['3']);
    expect(filterAccounts(LIST, 'github.com').map((a) => a.id)).toEqual(['1']);
    expect(filterAccounts(LIST, '  ')).toHaveLength(3);
    expect(filterAccounts(LIST, 'nothing')).toEqual([]);
  });
});

describe('moveAccount', () => {
  it('puts the moved account where the target was, in either direction', () => {
    expect(moveAccount(['a', 'b', 'c', 'd'], 'd', 'b')).toEqual(['a', 'd', 'b', 'c']);
    expect(moveAccount(['a', 'b', 'c', 'd'], 'a', 'c')).toEqual(['b', 'c', 'a', 'd']);
    expect(moveAccount(['a', 'b'], 'a', 'zz')).toEqual(['a', 'b']);
  });
});

describe('add manually', () => {
  it('builds the account by the shared account rules, advanced settings included', () => {
    const built = buildManualAccount({ ...DEFAULT_FIELDS, secret: 'jbsw y3dp ehpk 3pxp', issuer: 'Acme: EU', account: 'ann', algorithm: 'SHA256', digits: '8', period: '60' });
    expect(built).toMatchObject({ type: 'totp', issuer: 'Acme: EU', account: 'ann', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA256', digits: 8, period: 60 });
    const hotp = buildManualAccount({ ...DEFAULT_FIELDS, secret: 'JBSWY3DPEHPK3PXP', account: 'x', type: 'hotp', counter: '7' });
    expect(hotp).toMatchObject({ type: 'hotp', counter: 7, issuer: '' });
  });

  it('refuses bad input with the shared rules\' messages', () => {
    expect(() => buildManualAccount({ ...DEFAULT_FIELDS, secret: 'not base32!', account: 'x' })).toThrow(/not valid Base32.*A-Z and the digits 2-7/);
    expect(() => buildManualAccount({ ...DEFAULT_FIELDS, secret: 'JBSWY3DPEHPK3PXP', account: 'x', period: '0' })).toThrow(/period/i);
  });

  it('reads a pasted URI with the shared parser, and points a Google Authenticator export to the import', () => {
    expect(parsePastedUri('  otpauth://totp/Acme:ann?secret=JBSWY3DPEHPK3PXP  ')).toMatchObject({ issuer: 'Acme', account: 'ann' });
    expect(() => parsePastedUri('otpauth://totp/Acme:ann?secret=JBSWY3DPEHPK3PXP&digits=9')).toThrow('digits must be 6, 7 or 8, not 9');
    expect(() => parsePastedUri('otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8')).toThrow(
      'This is a Google Authenticator export, which can hold many accounts: import it on the options page (Import accounts), or Scan its QR code.');
  });
});

describe('keyboard navigation', () => {
  const key = (name: string, altKey = false) => ({ key: name, altKey }) as KeyboardEvent;
  it('moves between rows, back to search from the top, and reorders with Alt', () => {
    expect(navigationFor(key('ArrowDown'), 0, 3)).toEqual({ kind: 'focus', index: 1 });
    expect(navigationFor(key('ArrowDown'), 2, 3)).toEqual({ kind: 'focus', index: 2 });
    expect(navigationFor(key('ArrowUp'), 0, 3)).toEqual({ kind: 'search' });
    expect(navigationFor(key('End'), 0, 3)).toEqual({ kind: 'focus', index: 2 });
    expect(navigationFor(key('ArrowUp', true), 1, 3)).toEqual({ kind: 'move', by: -1 });
    expect(navigationFor(key('a'), 1, 3)).toBeNull();
  });
});
