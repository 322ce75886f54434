// What the popup says after a fill: plain functions over the outcome.
import type { FillOutcome } from '../../autofill/page-agent';
import { CLEARING_NOTE } from '../../clipboard/clear-delay';
import { formatAccountLabel } from './format-code';

type Named = { issuer: string; account: string };

export function describeFilled(account: Named, outcome: FillOutcome): string {
  const where = outcome.site ? ` on ${outcome.site}` : '';
  return `Filled the code for ${formatAccountLabel(account)}${where}.`;
}

export function describeNoField(account: Named): string {
  return `No code field found on this page: the code for ${formatAccountLabel(account)} is copied, paste it where the site asks. ${CLEARING_NOTE}`;
}

/**
 * The field sits in a frame of another origin. A frame of one of the account's sites is out of reach from the page
 * (the code is copied to paste there); a frame of any other site is named, and nothing is filled or copied.
 */
export function describeForeignFrame(account: Named, frameSite: string, bound: boolean, copied = bound): string {
  const unreachable = `The code field is in a frame from ${frameSite}, which Tessera cannot reach from this page`;
  if (bound && copied) return `${unreachable}: the code for ${formatAccountLabel(account)} is copied, paste it there. ${CLEARING_NOTE}`;
  if (bound) return `${unreachable}: copy the code for ${formatAccountLabel(account)} and paste it there.`;
  return `The code field is in a frame from ${frameSite}, which is not a site of ${formatAccountLabel(account)}. Nothing was filled.`;
}

/** The warning before filling where the account is not bound: names the page's domain, which is what to check. */
export function describeWrongSite(account: Named & { sites: readonly string[] }, pageSite: string | null): string {
  const page = pageSite ?? 'this page';
  const bound = account.sites.length > 0 ? `It fills on ${account.sites.join(', ')}` : 'It has no site yet';
  return `${page} is not a site of ${formatAccountLabel(account)}. ${bound}. Look-alike addresses are how codes get stolen: fill only if you trust ${page}.`;
}
