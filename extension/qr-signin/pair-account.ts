// Single-scan pairing: the site hands over the otpauth URI of the key it is setting up; it goes into the vault bound
// to that site, through the same parser and the same twin check as any scanned code.
import { OtpError, parseOtpauthUri } from '#shared/otp/index.ts';
import type { Vault } from '../vault/index';
import { siteOf } from '../sites/sites';
import { addFinding } from '../capture/add-finding';
import { formatAccountLabel } from '../ui/text/format-code';
import { describePaired } from './flow-messages';
import { QrSignInError } from './scan-api';

export async function addPairedAccount(vault: Pick<Vault, 'list' | 'add' | 'update'>, origin: string, otpauthUri: string): Promise<string> {
  const site = siteOf(origin);
  if (!site) throw new QrSignInError('invalid_origin', `${origin} is not a web site Tessera can pair with.`);
  let account;
  try {
    account = parseOtpauthUri(otpauthUri);
  } catch (error) {
    // The parser's own message names the faulty parameter, never the secret; anything else is not shown as is.
    const reason = error instanceof OtpError ? error.message : 'it could not be read';
    throw new QrSignInError('invalid_pairing', `${origin} sent a key Tessera cannot use (${reason}). Nothing was added: set up the authenticator by scanning its QR code instead.`);
  }
  const outcome = await addFinding(vault, { kind: 'account', account: { ...account, sites: [site] } });
  const saved = outcome.added[0] ?? outcome.updated[0];
  return describePaired(site, formatAccountLabel(saved), outcome.updated.length > 0);
}
