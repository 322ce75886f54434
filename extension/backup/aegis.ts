// Aegis Authenticator's vault export (docs/vault.md of the Aegis project): { version, header: { slots, params }, db }.
// db is the content object when plain, or Base64 ciphertext when encrypted (see aegis-crypto.ts).
import { decryptAegisDb } from './aegis-crypto';
import { acceptEntry, asRecord, asText, describeEntry } from './entries';
import { BackupError } from './errors';
import type { ImportResult } from './types';

export function isAegisFile(json: Record<string, unknown>): boolean {
  return json.version !== undefined && asRecord(json.header) !== null && 'db' in json;
}

export async function importAegis(json: Record<string, unknown>, password?: string): Promise<ImportResult> {
  if (typeof json.db === 'string') {
    if (password === undefined || password === '') {
      throw new BackupError('password_required', 'This Aegis export is encrypted: enter the password it was exported with.');
    }
    return readContent(await decryptAegisDb(json, password), 'aegis-encrypted');
  }
  return readContent(json.db, 'aegis');
}

function readContent(content: unknown, format: 'aegis' | 'aegis-encrypted'): ImportResult {
  const db = asRecord(content);
  if (!db || !Array.isArray(db.entries)) {
    throw new BackupError('corrupt', 'The Aegis export has no list of entries: export it again from Aegis.');
  }
  if (db.version !== undefined && (typeof db.version !== 'number' || db.version > 3)) {
    throw new BackupError('unsupported', `This Aegis export uses content version ${String(db.version)}, newer than Tessera reads: export it as an older version or as an otpauth list.`);
  }
  const result: ImportResult = { format, accounts: [], refused: [] };
  db.entries.forEach((raw, i) => readEntry(result, raw, i + 1));
  return result;
}

function readEntry(result: ImportResult, raw: unknown, position: number): void {
  const entry = asRecord(raw) ?? {};
  const info = asRecord(entry.info) ?? {};
  const where = describeEntry(entry.issuer, entry.name, position);
  const type = asText(entry.type).toLowerCase();
  if (type !== 'totp' && type !== 'hotp') {
    result.refused.push({ entry: where, reason: `${type ? `'${type}'` : 'This'} codes are not supported: Tessera makes TOTP and HOTP codes only.` });
    return;
  }
  acceptEntry(result, where, {
    type,
    issuer: asText(entry.issuer).trim(),
    account: asText(entry.name).trim(),
    secret: info.secret,
    algorithm: info.algo ?? 'SHA1',
    digits: info.digits ?? 6,
    period: type === 'totp' ? (info.period ?? 30) : 30,
    counter: type === 'hotp' ? (info.counter ?? 0) : 0,
  });
}
