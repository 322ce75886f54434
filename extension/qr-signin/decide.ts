// What the extension may do with a Tessera QR link it captured: only act for the site the tab shows, only with an
// account bound to that site. A QR relayed onto another page names an origin that is not the tab's: refused.
import type { QrLink } from '#shared/protocol/qr-link.ts';
import type { VaultAccount } from '../vault/index';
import { isAllowedOn } from '../sites/sites';

export type QrLinkDecision =
  | { ok: true; kind: 'signin'; origin: string; accounts: VaultAccount[] }
  | { ok: true; kind: 'pair'; origin: string }
  | { ok: false; reason: 'relayed' | 'no_account' | 'not_web_page'; message: string };

export function decideQrLink(link: QrLink, tabUrl: string, accounts: readonly VaultAccount[]): QrLinkDecision {
  let tabOrigin: string;
  try {
    tabOrigin = new URL(tabUrl).origin;
  } catch {
    return { ok: false, reason: 'not_web_page', message: 'Tessera QR codes can only be used on the web page that shows them.' };
  }
  if (tabOrigin !== link.origin) {
    return {
      ok: false,
      reason: 'relayed',
      message: `This QR code is for ${link.origin}, but it is shown on ${tabOrigin}. Another site may be relaying it to sign in as you: nothing was sent.`,
    };
  }
  if (link.kind === 'pair') return { ok: true, kind: 'pair', origin: link.origin };
  const bound = accounts.filter((account) => account.type === 'totp' && isAllowedOn(account.sites, link.origin));
  if (bound.length === 0) {
    return { ok: false, reason: 'no_account', message: `No account in Tessera is set to sign in to ${link.origin}. Add the site to an account first.` };
  }
  return { ok: true, kind: 'signin', origin: link.origin, accounts: bound };
}
