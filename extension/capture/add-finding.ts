// Adding what a scan found, on the user's confirmation: new accounts go in, a secret the vault already holds
// updates that account (its names and sites) instead of making a twin, unless the user asked for a second copy.
import { findTwin, type AccountPatch, type Vault, type VaultAccount } from '../vault/index';
import type { AccountFinding, CapturedAccount, MigrationFinding } from './types';

/** 'update-existing' (the default) merges into the twin; 'add' keeps both. */
export type AddChoice = 'update-existing' | 'add';

export interface AddOutcome { added: VaultAccount[]; updated: VaultAccount[]; skipped: CapturedAccount[] }

export async function addFinding(
  vault: Pick<Vault, 'list' | 'add' | 'update'>,
  finding: AccountFinding | MigrationFinding,
  choice: AddChoice = 'update-existing',
): Promise<AddOutcome> {
  // The twin is looked for here, in the vault as it is now: it may have changed since the preview was shown.
  const existing = await vault.list();
  if (finding.kind === 'account') {
    const twin = choice === 'update-existing' ? findTwin(finding.account, existing) : undefined;
    if (twin) return { added: [], updated: [await vault.update(twin.id, mergePatch(twin, finding.account))], skipped: [] };
    return { added: await vault.add([finding.account]), updated: [], skipped: [] };
  }
  // An export: every account without a twin goes in at once (all or nothing); twins are left as they are.
  const fresh = finding.accounts.filter((account) => choice === 'add' || !findTwin(account, existing));
  const skipped = finding.accounts.filter((account) => !fresh.includes(account));
  return { added: fresh.length > 0 ? await vault.add(fresh) : [], updated: [], skipped };
}

function mergePatch(twin: VaultAccount, scanned: CapturedAccount): AccountPatch {
  const sites = [...new Set([...twin.sites, ...scanned.sites])];
  return { issuer: scanned.issuer || twin.issuer, account: scanned.account || twin.account, sites };
}
