// The three ways accounts leave Tessera: its encrypted backup, a plain otpauth list, Google Authenticator QR payloads.
import { buildOtpauthUri, encodeMigrationUris, type OtpAccount } from '#shared/otp/index.ts';
import type { VaultAccount } from '../vault/types';
import type { KdfParams } from '../crypto/kdf';
import { writeTesseraBackup } from './tessera-format';
import type { ImportedAccount } from './types';

/** JSON text of an encrypted backup; keeps sites and pinned, and the order the accounts are given in. */
export async function exportTesseraBackup(accounts: VaultAccount[], password: string, options: { kdf?: KdfParams; now?: number } = {}): Promise<string> {
  const entries: ImportedAccount[] = accounts.map((a) => ({ ...toOtpAccount(a), sites: [...(a.sites ?? [])], pinned: Boolean(a.pinned) }));
  const file = await writeTesseraBackup(entries, password, options.kdf, options.now);
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Plain text, one otpauth:// URI per line: anyone holding it can make the codes (the UI warns). */
export function exportOtpauthList(accounts: OtpAccount[]): string {
  return accounts.map((a) => buildOtpauthUri(toOtpAccount(a))).join('\n') + (accounts.length > 0 ? '\n' : '');
}

/** otpauth-migration:// URIs, each small enough for one phone-scannable QR code. */
export function exportMigrationQrPayloads(accounts: OtpAccount[]): { uris: string[]; refused: { account: OtpAccount; reason: string }[] } {
  const byCopy = new Map<OtpAccount, OtpAccount>();
  const copies = accounts.map((a) => {
    const copy = toOtpAccount(a);
    byCopy.set(copy, a);
    return copy;
  });
  const { uris, refused } = encodeMigrationUris(copies);
  return { uris, refused: refused.map((r) => ({ account: byCopy.get(r.account) ?? r.account, reason: r.reason })) };
}

function toOtpAccount(a: OtpAccount): OtpAccount {
  return { type: a.type, issuer: a.issuer, account: a.account, secret: a.secret, algorithm: a.algorithm, digits: a.digits, period: a.period, counter: a.counter };
}
