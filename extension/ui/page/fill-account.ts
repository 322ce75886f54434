// The popup's Fill: the code on screen goes into the page's code field, only where the account is bound unless the
// user confirmed the warning. The page agent checks the page and the field's frame again (a page may navigate).
import { fillInTab } from '../../autofill/fill-tab';
import type { FillOutcome, FillRequest } from '../../autofill/page-agent';

export type FillStep =
  | { kind: 'filled'; outcome: FillOutcome }
  | { kind: 'no-field' }
  /** The field is in a frame of `frameSite`, which the page agent cannot reach: nothing is filled. */
  | { kind: 'foreign-frame'; frameSite: string; bound: boolean }
  | { kind: 'confirm'; site: string | null }
  | { kind: 'blocked' };

export interface FillDeps { fill: (tabId: number, request: FillRequest) => Promise<FillOutcome> }

export async function fillAccountCode(
  tabId: number,
  account: { sites: readonly string[] },
  code: string,
  /** The page's site, once the user confirmed the warning for it; null otherwise. */
  confirmedSite: string | null,
  deps: FillDeps = { fill: fillInTab },
): Promise<FillStep> {
  let outcome: FillOutcome;
  try {
    outcome = await deps.fill(tabId, { code, sites: [...account.sites], confirmedSite });
  } catch {
    return { kind: 'blocked' }; // no access to the tab: a browser page, or the popup was not opened on it
  }
  if (outcome.status === 'filled') return { kind: 'filled', outcome };
  if (outcome.status === 'no_field') return { kind: 'no-field' };
  if (outcome.status === 'foreign_frame') return { kind: 'foreign-frame', frameSite: outcome.frameSite, bound: account.sites.includes(outcome.frameSite) };
  return { kind: 'confirm', site: outcome.site };
}
