// parseImport(): recognises the format of a file or pasted text and reads it into a preview. Nothing is written here.
import { importAegis, isAegisFile } from './aegis';
import { acceptEntry, asRecord, describeEntry } from './entries';
import { BackupError } from './errors';
import { markDuplicates } from './preview';
import { isTesseraBackup, readTesseraBackup } from './tessera-format';
import { importTwoFas, isTwoFasFile } from './twofas';
import type { ImportOptions, ImportPreview, ImportResult } from './types';
import { importUriList, looksLikeUriList } from './uri-list';

const MAX_IMPORT_CHARS = 5_000_000;

export async function parseImport(text: string, options: ImportOptions = {}): Promise<ImportPreview> {
  if (typeof text !== 'string') throw unknownFormat();
  refuseOversized(text.length);
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') throw new BackupError('unknown_format', 'There is nothing to import: choose a file or paste an export.');
  const result = body.startsWith('{') ? await importJson(body, options.password) : importText(body);
  return markDuplicates(result, options.existing);
}

/** Also checked on a file's byte size before it is read: a wrong multi-gigabyte pick must not freeze the page. */
export function refuseOversized(length: number): void {
  if (length <= MAX_IMPORT_CHARS) return;
  throw new BackupError('too_large', 'This file is larger than any authenticator export (over 5 MB): check that it is the right file.');
}

function importText(body: string): ImportResult {
  if (!looksLikeUriList(body)) throw unknownFormat();
  return importUriList(body);
}

async function importJson(body: string, password?: string): Promise<ImportResult> {
  let json: Record<string, unknown> | null;
  try {
    json = asRecord(JSON.parse(body));
  } catch {
    if (looksLikeUriList(body)) return importUriList(body);
    throw new BackupError('corrupt', 'This file looks like JSON but cannot be read as such: it may be cut off. Export it again.');
  }
  if (!json) throw unknownFormat();
  if (isTesseraBackup(json)) return importTessera(json, password);
  if (isAegisFile(json)) return importAegis(json, password);
  if (isTwoFasFile(json)) return importTwoFas(json);
  throw unknownFormat();
}

async function importTessera(json: Record<string, unknown>, password?: string): Promise<ImportResult> {
  const entries = await readTesseraBackup(json, password);
  const result: ImportResult = { format: 'tessera-backup', accounts: [], refused: [] };
  entries.forEach((raw, i) => {
    const entry = asRecord(raw) ?? {};
    acceptEntry(result, describeEntry(entry.issuer, entry.account, i + 1), entry);
  });
  return result;
}

function unknownFormat(): BackupError {
  return new BackupError('unknown_format',
    'Tessera cannot read this: import otpauth:// URIs (one per line), a Google Authenticator export, an Aegis or 2FAS JSON export, or a Tessera backup.');
}
