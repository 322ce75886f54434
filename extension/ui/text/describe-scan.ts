// What the popup says about a scanned code before it is added: plain functions over the scan's data.
import type { CapturedAccount } from '../../capture/index';
import { formatAccountLabel } from './format-code';

/** The lines of an otpauth preview, as [label, value]; the secret is never shown. */
export function listPreviewRows(account: CapturedAccount): [string, string][] {
  const rows: [string, string][] = [
    ['Issuer', account.issuer || '(none)'],
    ['Account', account.account || '(none)'],
    ['Type', account.type === 'totp' ? 'Time-based (TOTP)' : 'Counter-based (HOTP)'],
    ['Algorithm', account.algorithm],
    ['Digits', String(account.digits)],
  ];
  rows.push(account.type === 'totp' ? ['Period', `${account.period} seconds`] : ['Counter', String(account.counter)]);
  rows.push(['Fills on', account.sites.length > 0 ? account.sites.join(', ') : 'no site yet (add one in Edit)']);
  return rows;
}
