// Every account entering the vault passes the shared account rules (checkAccount), the ones an otpauth:// URI and the
// manual add form pass too, with their messages; sites follow the site rules.
import { checkAccount, OtpError, type OtpAccount } from '#shared/otp/index.ts';
import { toSite } from '../sites/sites';
import { VaultError } from './errors';

export interface ValidAccount {
  otp: OtpAccount;
  sites: string[];
  pinned: boolean;
}

/** `label` (e.g. "Account 3") prefixes the reason when a batch needs to say which entry is wrong. */
export function validateAccount(input: unknown, label?: string): ValidAccount {
  if (typeof input !== 'object' || input === null) throw invalid(label, 'This is not an account.');
  const candidate = input as Partial<OtpAccount> & { sites?: unknown; pinned?: unknown };
  return {
    otp: validateOtp(candidate, label),
    sites: validateSites(candidate.sites, label),
    pinned: validatePinned(candidate.pinned, label),
  };
}

function validateOtp(candidate: Partial<OtpAccount>, label?: string): OtpAccount {
  if (typeof candidate.secret !== 'string' || typeof candidate.issuer !== 'string' || typeof candidate.account !== 'string') {
    throw invalid(label, 'A secret, an issuer and an account name are needed (as text; the issuer may be empty).');
  }
  try {
    return checkAccount(candidate as OtpAccount);
  } catch (error) {
    if (error instanceof OtpError) throw invalid(label, error.message);
    throw error;
  }
}

function validateSites(sites: unknown, label?: string): string[] {
  if (sites === undefined) return [];
  if (!Array.isArray(sites)) throw invalid(label, 'sites must be a list of domain names.');
  const normalized = sites.map((site) => (typeof site === 'string' ? toSite(site) : null));
  const bad = normalized.indexOf(null);
  if (bad >= 0) throw invalid(label, `'${String(sites[bad])}' is not a domain name (for example example.com).`);
  return [...new Set(normalized as string[])];
}

function validatePinned(pinned: unknown, label?: string): boolean {
  if (pinned === undefined) return false;
  if (typeof pinned !== 'boolean') throw invalid(label, 'pinned must be true or false.');
  return pinned;
}

function invalid(label: string | undefined, reason: string): VaultError {
  return new VaultError('invalid_account', label ? `${label}: ${reason}` : reason);
}
