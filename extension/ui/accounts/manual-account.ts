import { CodedError } from '#shared/coded-error.ts';
import { checkAccount, parseOtpauthUri, type OtpAccount } from '#shared/otp/index.ts';

export interface ManualFields {
  secret: string; issuer: string; account: string;
  type: string; algorithm: string; digits: string; period: string; counter: string;
}

export const DEFAULT_FIELDS: ManualFields = {
  secret: '', issuer: '', account: '', type: 'totp', algorithm: 'SHA1', digits: '6', period: '30', counter: '0',
};

/**
 * The typed-in fields pass the shared account rules, the same ones a scanned otpauth URI passes, so both ways of
 * adding an account accept and refuse exactly the same things, with the same messages.
 */
export function buildManualAccount(fields: ManualFields): OtpAccount {
  return checkAccount(fields);
}

/** A pasted otpauth URI, read by the shared parser; a Google Authenticator export is pointed to where it is read. */
export function parsePastedUri(text: string): OtpAccount {
  const trimmed = text.trim();
  if (/^otpauth-migration:/i.test(trimmed)) {
    throw new CodedError('migration_export',
      'This is a Google Authenticator export, which can hold many accounts: import it on the options page (Import accounts), or Scan its QR code.');
  }
  return parseOtpauthUri(trimmed);
}
