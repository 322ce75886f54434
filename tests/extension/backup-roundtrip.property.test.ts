import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeBase32, type OtpAccount } from '#shared/otp/index.ts';
import { exportMigrationQrPayloads, exportOtpauthList, exportTesseraBackup, parseImport } from '../../extension/backup';
import { validateAccount } from '../../extension/vault/validate';
import type { VaultAccount } from '../../extension/vault';
import { toSite } from '../../extension/sites/sites';
import { FAST_KDF } from './support/vault-fixture';

// Names as people type them: any text, colons, spaces, accents, emoji; the vault's own normalisation applies first.
const name = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ':', '@', '.', '%', '&', '+', '=', '/', '?', '#', 'é', '字', '😀'), maxLength: 20 });
const account = fc.record({
  type: fc.constantFrom('totp' as const, 'hotp' as const),
  issuer: name,
  account: name,
  secret: fc.uint8Array({ minLength: 10, maxLength: 64 }).map(encodeBase32),
  algorithm: fc.constantFrom('SHA1' as const, 'SHA256' as const, 'SHA512' as const),
  digits: fc.constantFrom(6 as const, 7 as const, 8 as const),
  period: fc.oneof(fc.constant(30), fc.integer({ min: 1, max: 300 })),
  counter: fc.integer({ min: 0, max: 2 ** 40 }),
}).map((raw) => validateAccount(raw).otp);

const otpFields = (a: OtpAccount) => ({ type: a.type, issuer: a.issuer, account: a.account, secret: a.secret, algorithm: a.algorithm, digits: a.digits, period: a.period, counter: a.counter });

describe('exports read back exactly, whatever the names', () => {
  it('otpauth list', async () => {
    await fc.assert(fc.asyncProperty(fc.array(account, { minLength: 1, maxLength: 8 }), async (accounts) => {
      const preview = await parseImport(exportOtpauthList(accounts));
      expect(preview.refused).toEqual([]);
      expect(preview.accounts.map(otpFields)).toEqual(accounts);
    }), { numRuns: 150 });
  });

  it('Google Authenticator payloads, for what the format can carry', async () => {
    await fc.assert(fc.asyncProperty(fc.array(account, { minLength: 1, maxLength: 25 }), async (accounts) => {
      const { uris, refused } = exportMigrationQrPayloads(accounts);
      const carried = accounts.filter((a) => !refused.some((r) => r.account === a));
      if (uris.length === 0) {
        expect(carried).toEqual([]);
        return;
      }
      const preview = await parseImport(uris.join('\n'));
      expect(preview.refused).toEqual([]);
      expect(preview.accounts.map(otpFields)).toEqual(carried);
    }), { numRuns: 150 });
  });

  it('Tessera backup, with sites and pins', async () => {
    const entry = fc.tuple(account, fc.array(fc.domain(), { maxLength: 3 }), fc.boolean());
    await fc.assert(fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 6 }), async (entries) => {
      const accounts = entries.map(([otp, sites, pinned], i): VaultAccount => ({
        // Sites as a vault holds them: each domain as the site its pages are on.
        ...otp, sites: [...new Set(sites.map(toSite).filter((site): site is string => site !== null))], pinned, id: `id${i}`, order: i, createdAt: 0, updatedAt: 0,
      }));
      const preview = await parseImport(await exportTesseraBackup(accounts, 'property password', { kdf: FAST_KDF }), { password: 'property password' });
      expect(preview.accounts.map(({ duplicate: _d, ...rest }) => rest)).toEqual(accounts.map((a) => ({ ...otpFields(a), sites: a.sites, pinned: a.pinned })));
    }), { numRuns: 30 });
  });
});
