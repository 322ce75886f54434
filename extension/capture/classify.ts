// What a QR text is, and so what happens next: an account to preview, an export to import, a Tessera link for its
// own flow, or something else, named without echoing anything that might be secret.
import { decodeMigrationUri, OtpError, parseOtpauthUri } from '#shared/otp/index.ts';
import { describeOtherText } from './describe-text';
import type { ScanFinding } from './types';

const OTPAUTH = /^otpauth:\/\//i;
const MIGRATION = /^otpauth-migration:/i;
const TESSERA = /^tessera:/i;

export function classifyQrText(text: string): ScanFinding {
  const trimmed = text.trim();
  if (MIGRATION.test(trimmed)) return classifyMigration(trimmed);
  if (OTPAUTH.test(trimmed)) return classifyOtpauth(trimmed);
  if (TESSERA.test(trimmed)) return { kind: 'tessera-link', text: trimmed };
  return { kind: 'not-authenticator', message: describeOtherText(trimmed) };
}

function classifyOtpauth(text: string): ScanFinding {
  try {
    return { kind: 'account', account: { ...parseOtpauthUri(text), sites: [] } };
  } catch (error) {
    return refusal(error);
  }
}

function classifyMigration(text: string): ScanFinding {
  try {
    const batch = decodeMigrationUri(text);
    return {
      kind: 'migration',
      accounts: batch.accounts.map((account) => ({ ...account, sites: [] })),
      refused: batch.refused,
      batchIndex: batch.batchIndex,
      batchSize: batch.batchSize,
      batchId: batch.batchId,
    };
  } catch (error) {
    return refusal(error);
  }
}

// The OTP core's messages say what to fix and never carry the secret; anything else is a fault of ours, not the code's.
function refusal(error: unknown): ScanFinding {
  if (error instanceof OtpError) return { kind: 'invalid-otpauth', code: error.code, message: error.message };
  return { kind: 'invalid-otpauth', code: 'unreadable', message: 'This authenticator QR code could not be read: ask the site for a new one.' };
}
