// What the popup says about a scanned code and about adding it: plain functions over the scan's data.
import type { CapturedAccount } from '../capture/index';
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

/** The status line after an export was imported. */
export function describeImport(added: number, skipped: number): string {
  const accounts = (n: number) => `${n} account${n === 1 ? '' : 's'}`;
  if (added === 0 && skipped > 0) return `All ${accounts(skipped)} in this QR code are already in Tessera: nothing was added.`;
  const tail = skipped > 0 ? ` ${accounts(skipped)} already in Tessera ${skipped === 1 ? 'was' : 'were'} left as they are.` : '';
  return `Added ${accounts(added)}.${tail}`;
}

/** The status line after one scanned account was added or merged into its twin. */
export function describeAdded(account: { issuer: string; account: string }, updated: boolean): string {
  return updated ? `Updated ${formatAccountLabel(account)}: no second copy was made.` : `Added ${formatAccountLabel(account)}.`;
}
