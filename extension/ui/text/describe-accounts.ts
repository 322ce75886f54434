// The popup's status line after something was done to accounts: plain functions over what was done.
import { CLEARING_NOTE } from '../../clipboard/clear-delay';
import { formatAccountLabel } from './format-code';

type Named = { issuer: string; account: string };

export function describeCopied(account: Named): string {
  return `Copied the code for ${formatAccountLabel(account)}. ${CLEARING_NOTE}`;
}

/** After one account was added, by hand or from a scan, or a scanned one merged into its twin. */
export function describeAdded(account: Named, updated = false): string {
  return updated ? `Updated ${formatAccountLabel(account)}: no second copy was made.` : `Added ${formatAccountLabel(account)}.`;
}

/** After an export's QR code was imported. */
export function describeImport(added: number, skipped: number): string {
  const accounts = (n: number) => `${n} account${n === 1 ? '' : 's'}`;
  if (added === 0 && skipped > 0) return `All ${accounts(skipped)} in this QR code are already in Tessera: nothing was added.`;
  const tail = skipped > 0 ? ` ${accounts(skipped)} already in Tessera ${skipped === 1 ? 'was left as it is' : 'were left as they are'}.` : '';
  return `Added ${accounts(added)}.${tail}`;
}

export function describeSaved(account: Named): string {
  return `Saved ${formatAccountLabel(account)}.`;
}

export function describeSiteAdded(account: Named, site: string): string {
  return `Added ${site} to ${formatAccountLabel(account)}.`;
}

export function describeDeleted(account: Named): string {
  return `Deleted ${formatAccountLabel(account)}.`;
}
