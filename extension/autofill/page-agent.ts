// What runs in the page (the extension's isolated world) when the user asks to fill: find the field, check that the page
// and the frame holding the field belong to the account's sites, then fill. The popup checks the tab's site too.
import { findCodeTarget, type CodeTarget } from './detect-fields';
import { fillCode } from './fill-code';
import { foreignFrameSite } from './foreign-frames';
import { isAllowedOn, siteOf } from '../sites/sites';

export type FillOutcome =
  | { status: 'filled'; kind: CodeTarget['kind']; site: string | null }
  | { status: 'no_field'; site: string | null }
  /** No field the page agent can reach, but a frame from `frameSite` (another origin) that may hold it: never filled. */
  | { status: 'foreign_frame'; site: string | null; frameSite: string }
  | { status: 'wrong_site'; site: string | null };

export interface FillRequest {
  code: string;
  sites: string[];
  /** A site the user confirmed filling on although it is not one of the account's: good for that site only, so a page
   * that navigated elsewhere while the warning was on screen still gets nothing. */
  confirmedSite?: string | null;
}

/** Where the field's frame really comes from: its origin, since a srcdoc or about:blank frame's address names none. */
function frameUrlOf(target: CodeTarget): string {
  const input = target.kind === 'single' ? target.input : target.inputs[0];
  return input.ownerDocument.defaultView?.origin ?? input.ownerDocument.location.href;
}

export function probeCodeField(doc: Document = document): { found: boolean; site: string | null } {
  return { found: findCodeTarget(doc) !== null, site: siteOf(doc.location.href) };
}

export function fillCodeField(request: FillRequest, doc: Document = document): FillOutcome {
  const site = siteOf(doc.location.href);
  const unreadFrames: HTMLIFrameElement[] = [];
  const target = findCodeTarget(doc, unreadFrames);
  if (!target) {
    const frameSite = foreignFrameSite(unreadFrames);
    return frameSite ? { status: 'foreign_frame', site, frameSite } : { status: 'no_field', site };
  }
  const urls = [doc.location.href, frameUrlOf(target)];
  const confirmed = request.confirmedSite ? [request.confirmedSite] : [];
  if (!isAllowedOn(request.sites, ...urls) && !isAllowedOn(confirmed, ...urls)) return { status: 'wrong_site', site };
  fillCode(target, request.code);
  return { status: 'filled', kind: target.kind, site };
}
