// A list of otpauth:// URIs and/or Google Authenticator otpauth-migration:// exports, one per line.
import { decodeMigrationUri, OtpError, parseOtpauthUri } from '#shared/otp/index.ts';
import { acceptEntry } from './entries';
import type { ImportResult } from './types';

export function looksLikeUriList(text: string): boolean {
  return /otpauth(-migration)?:\/\//i.test(text);
}

export function importUriList(text: string): ImportResult {
  const result: ImportResult = { format: 'otpauth-list', accounts: [], refused: [] };
  const batches = new Map<number, { size: number; seen: Set<number> }>();
  let plainUris = 0;
  let migrationLines = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    const where = `line ${i + 1}`;
    if (line === '' || line.startsWith('#')) return;
    if (/^otpauth-migration:/i.test(line)) {
      migrationLines++;
      return readMigration(result, batches, line, where);
    }
    if (!/^otpauth:/i.test(line)) {
      result.refused.push({ entry: where, reason: 'Not an otpauth:// or otpauth-migration:// URI.' });
      return;
    }
    plainUris++;
    try {
      acceptEntry(result, where, { ...parseOtpauthUri(line) });
    } catch (error) {
      if (!(error instanceof OtpError)) throw error;
      result.refused.push({ entry: where, reason: error.message });
    }
  });
  // A Google Authenticator export is one even when none of its links could be read: the preview names it so.
  if (plainUris === 0 && migrationLines > 0) result.format = 'google-migration';
  reportMissingCodes(result, batches);
  return result;
}

function readMigration(result: ImportResult, batches: Map<number, { size: number; seen: Set<number> }>, line: string, where: string): void {
  let batch;
  try {
    batch = decodeMigrationUri(line);
  } catch (error) {
    if (!(error instanceof OtpError)) throw error;
    result.refused.push({ entry: where, reason: error.message });
    return;
  }
  const group = batches.get(batch.batchId) ?? { size: batch.batchSize, seen: new Set<number>() };
  group.seen.add(batch.batchIndex);
  batches.set(batch.batchId, group);
  const label = batch.batchSize > 1 ? `${where} (QR code ${batch.batchIndex + 1} of ${batch.batchSize})` : where;
  for (const account of batch.accounts) acceptEntry(result, `${label}, ${account.issuer || account.account}`, { ...account });
  for (const refused of batch.refused) {
    result.refused.push({ entry: `${label}, entry ${refused.index}${refused.name ? ` '${refused.name}'` : ''}`, reason: refused.reason });
  }
}

/** A multi-QR export with a code left out would silently lose accounts: say which one to add. */
function reportMissingCodes(result: ImportResult, batches: Map<number, { size: number; seen: Set<number> }>): void {
  for (const { size, seen } of batches.values()) {
    for (let index = 0; index < size; index++) {
      if (seen.has(index)) continue;
      result.refused.push({
        entry: `QR code ${index + 1} of ${size}`,
        reason: 'This part of the Google Authenticator export was not included: scan or paste it too, or its accounts are missing.',
      });
    }
  }
}
