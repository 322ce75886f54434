// What the popup does to accounts when the user asks, as plain functions over the vault (no browser, no Preact):
// each change returns the status line that says what was done.
import { addFinding, type AddChoice } from '../../capture/add-finding';
import type { AccountFinding, MigrationFinding } from '../../capture/types';
import { copyCode } from '../../clipboard/copy-code';
import type { AccountPatch, NewAccount, Vault, VaultAccount } from '../../vault/index';
import { describeAdded, describeCopied, describeDeleted, describeImport, describeSaved, describeSiteAdded } from '../text/describe-accounts';
import { moveAccount } from './filter-accounts';

export type AccountsVault = Pick<Vault, 'list' | 'add' | 'update' | 'remove' | 'reorder' | 'nextHotp' | 'touch'>;
export type AccountActions = ReturnType<typeof createAccountActions>;

/** `copy` puts a code on the clipboard and clears it later (clipboard/copy-code.ts in the popup). */
export function createAccountActions(vault: AccountsVault, copy: (code: string) => Promise<void> = copyCode) {
  return {
    async copy(account: VaultAccount, code: string): Promise<string> {
      await copy(code);
      await vault.touch();
      return describeCopied(account);
    },
    /** HOTP: the counter moves on, and is saved, before the new code is shown. */
    next: (account: VaultAccount): Promise<VaultAccount> => vault.nextHotp(account.id),
    async togglePin(account: VaultAccount): Promise<void> {
      await vault.update(account.id, { pinned: !account.pinned });
    },
    /** Saves the full order after moving one account to where another is (drag and drop, Alt+arrow). */
    async move(accounts: readonly VaultAccount[], movedId: string, targetId: string): Promise<void> {
      await vault.reorder(moveAccount(accounts.map((account) => account.id), movedId, targetId));
    },
    async add(account: NewAccount): Promise<string> {
      await vault.add([account]);
      return describeAdded(account);
    },
    async save(account: VaultAccount, patch: AccountPatch & { issuer: string; account: string }): Promise<string> {
      await vault.update(account.id, patch);
      return describeSaved(patch);
    },
    /** One more site for the account, added to its sites as they are now (another page may have changed them). */
    async addSite(account: VaultAccount, site: string): Promise<string> {
      const current = (await vault.list()).find((item) => item.id === account.id) ?? account;
      await vault.update(current.id, { sites: [...current.sites, site] });
      return describeSiteAdded(current, site);
    },
    async remove(account: VaultAccount): Promise<string> {
      await vault.remove(account.id);
      return describeDeleted(account);
    },
    /** A scan's account or export, added or merged into its twin as the user chose. */
    async addFinding(finding: AccountFinding | MigrationFinding, choice: AddChoice): Promise<string> {
      const outcome = await addFinding(vault, finding, choice);
      if (finding.kind === 'migration') return describeImport(outcome.added.length, outcome.skipped.length);
      const [account] = outcome.updated.length > 0 ? outcome.updated : outcome.added;
      return describeAdded(account, outcome.updated.length > 0);
    },
  };
}
