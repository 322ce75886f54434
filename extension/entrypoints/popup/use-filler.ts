import { useState } from 'preact/hooks';
import type { Vault, VaultAccount } from '../../vault/index';
import type { ActivePage } from '../../ui/page/active-page';
import { fillAccountCode } from '../../ui/page/fill-account';
import { isBoundTo } from '../../sites/is-bound-to';
import { siblingSiteToAdd } from '../../sites/site-families';
import { describeFilled, describeForeignFrame, describeNoField } from '../../ui/text/describe-fill';
import { copyCode } from '../../clipboard/copy-code';

export interface FillWarningState { account: VaultAccount; site: string | null }
/** After a fill the user confirmed on another site of the account's provider: the offer to add that site to it. */
export interface SiteOffer { account: VaultAccount; site: string }

const NO_PAGE = 'There is no web page here to fill: open Tessera from its button on the page that asks for the code.';
const BLOCKED = 'Tessera cannot reach this page. Click Tessera\'s button on the page itself, then Fill.';

/** Fill from the popup: bound accounts fill at once; anywhere else the warning comes first, and only a yes fills. */
export function useFiller(vault: Pick<Vault, 'touch'>, page: ActivePage | null, run: (action: () => Promise<void>) => Promise<void>, setStatus: (text: string) => void) {
  const [warning, setWarning] = useState<FillWarningState | null>(null);
  const [offer, setOffer] = useState<SiteOffer | null>(null);

  /** `confirmedSite`: the site named in the warning the user just confirmed, or null for a plain Fill. */
  const fill = (account: VaultAccount, code: string, confirmedSite: string | null) => run(async () => {
    if (!page || !page.site) return setStatus(NO_PAGE);
    if (!confirmedSite && !isBoundTo(account, page.site)) return setWarning({ account, site: page.site });
    setWarning(null);
    const step = await fillAccountCode(page.tabId, account, code, confirmedSite);
    if (step.kind === 'confirm') return setWarning({ account, site: step.site });
    if (step.kind === 'blocked') return setStatus(BLOCKED);
    if (step.kind === 'foreign-frame') {
      if (step.bound) await copyCode(code);
      setStatus(describeForeignFrame(account, step.frameSite, step.bound));
    } else if (step.kind === 'no-field') {
      await copyCode(code);
      setStatus(describeNoField(account));
    } else {
      setStatus(describeFilled(account, step.outcome));
      const sibling = confirmedSite ? siblingSiteToAdd(account.sites, step.outcome.site) : null;
      if (sibling) setOffer({ account, site: sibling });
    }
    await vault.touch();
  });

  return { warning, fill, cancelWarning: () => setWarning(null), offer, closeOffer: () => setOffer(null) };
}
