// Fills without the popup (keyboard shortcut, context menu, automatic filling): only an account bound to the page's site,
// only while the vault is unlocked; otherwise the popup opens with a notice saying why.
import type { Vault } from '../vault/index';
import { generateCode } from '#shared/otp/index.ts';
import { fillInTab } from './fill-tab';
import { bestAccountForPage, chooseShortcutFill } from './match-accounts';
import { leaveNoticeForPopup } from './notices';
import type { FillRequest } from './page-agent';
import { isAllowedOn, siteOf } from '../sites/sites';
import { describeForeignFrame } from '../ui/text/describe-fill';

/** `clock`: unix milliseconds for making codes (the computer's clock, corrected when the user agreed to). */
export type CodeClock = () => Promise<number>;
const systemClock: CodeClock = async () => Date.now();

export async function fillBestInTab(vault: Vault, tab: { id?: number; url?: string }, clock: CodeClock = systemClock): Promise<void> {
  if (tab.id === undefined || !tab.url) return;
  if ((await vault.state()) !== 'unlocked') {
    await leaveNoticeForPopup({ message: 'Unlock Tessera, then choose Fill again.' });
    return;
  }
  const choice = chooseShortcutFill(await vault.list(), tab.url);
  if ('message' in choice) {
    await leaveNoticeForPopup({ message: choice.message });
    return;
  }
  const { account } = choice;
  await vault.touch();
  const outcome = await fillInTab(tab.id, { code: generateCode(account, (await clock()) / 1000), sites: account.sites });
  if (outcome.status === 'no_field') await leaveNoticeForPopup({ message: 'No code field found on this page: copy the code instead.', accountId: account.id });
  if (outcome.status === 'foreign_frame') {
    // Copying is offered only for a frame of the account's own sites: a code is never handed to another site unasked.
    const bound = account.sites.includes(outcome.frameSite);
    await leaveNoticeForPopup({ message: describeForeignFrame(account, outcome.frameSite, bound, false), ...(bound ? { accountId: account.id } : {}) });
  }
}

/** The answer to an automatic-fill content script: a code only for a site it is bound to, in the top frame and the asking frame. */
export async function answerAutoFill(vault: Vault, enabledSites: string[], sender: { tab?: { url?: string }; url?: string }, clock: CodeClock = systemClock): Promise<FillRequest | null> {
  const tabUrl = sender.tab?.url;
  const frameUrl = sender.url;
  if (!tabUrl || !frameUrl) return null;
  const site = siteOf(tabUrl);
  if (!site || !enabledSites.includes(site)) return null;
  if ((await vault.state()) !== 'unlocked') return null;
  const account = bestAccountForPage(await vault.list(), tabUrl);
  if (!account || !isAllowedOn(account.sites, tabUrl, frameUrl)) return null;
  await vault.touch();
  return { code: generateCode(account, (await clock()) / 1000), sites: account.sites };
}
