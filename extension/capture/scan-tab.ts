// One click: capture the visible tab at its device pixel ratio, decode it, classify what was found.
// Browser APIs come in through `ScanDeps` (register.ts wires the real ones), so the steps stay plain functions.
import { decodeQrCodes, decodeQrRegion, type RgbaImage } from '#shared/qr/index.ts';
import { CaptureError } from './errors';
import { buildScanResult, type Decoded } from './findings';
import type { KeyValueArea } from '../storage/area';
import { pixelsFromImage } from './pixels-from-image';
import { toCaptureRect, type RegionSelection } from './region';
import type { ScanResult } from './types';
import type { PageImages } from './page-images';

export interface TabRef { tabId: number; windowId: number }

export interface ScanDeps {
  getTab(tabId: number): Promise<{ url?: string; active?: boolean; windowId?: number }>;
  /** A PNG data URL of the window's visible tab, in device pixels. */
  captureVisibleTab(windowId: number): Promise<string>;
  /** Where export progress is kept: the session area in the extension. */
  progress: KeyValueArea;
  prepareDecoder(): Promise<void>;
  /** The pictures the tab's page shows that may be QR codes (page-images.ts), read without a capture. */
  readPageImages?(tabId: number): Promise<PageImages | null>;
  /** Waits between capture attempts; setTimeout by default. */
  sleep?: (ms: number) => Promise<void>;
}

// The decoder gets the same search whatever the capture cost, so the same page always gets the same answer.
// A code the page shows as a picture is read from the page while the tab is captured, and answers without waiting
// for the capture; everything else (codes in other sites' frames, in CSS backgrounds, in photos) is the capture's.
export async function scanTab(ref: TabRef, deps: ScanDeps): Promise<ScanResult> {
  const stop = new AbortController();
  // One look at the tab before either path: both credit what they find to the page it shows now.
  const shown = lookUpTab(ref, deps);
  const captured = captureTab(ref, deps, stop.signal, shown);
  const fromPage = await readPageCodes(ref, deps, shown).catch(() => null);
  if (fromPage) {
    stop.abort();
    captured.catch(() => undefined); // no longer awaited: its failure is nobody's concern
    return buildScanResult(fromPage.decoded, { tabUrl: fromPage.tabUrl, progress: deps.progress }, describeNothingOnPage);
  }
  const { image, tabUrl } = await captured;
  const decoded = await decodeQrCodes(image);
  return buildScanResult(decoded, { tabUrl, progress: deps.progress }, describeNothingOnPage);
}

/** The codes in the page's own pictures, credited to the tab's page; null when there are none to go by. */
async function readPageCodes(ref: TabRef, deps: ScanDeps, shown: Promise<ShownTab | null>): Promise<{ decoded: Decoded; tabUrl: string } | null> {
  if (!deps.readPageImages) return null;
  // Returning early must not leave a failed set-up unhandled; a failure shows when decoding.
  const decoderReady = deps.prepareDecoder().catch(() => undefined);
  const tab = await shown;
  if (!tab?.url) return null;
  const page = await deps.readPageImages(ref.tabId);
  // Like a capture, credited only to the origin the tab shows (a page that navigated meanwhile is not).
  if (!page || page.images.length === 0 || page.origin !== originOf(tab.url)) return null;
  await decoderReady;
  const texts: string[] = [];
  for (const dataUrl of page.images) {
    const found = await decodeQrCodes(await pixelsFromImage(dataUrl));
    for (const text of found.texts) if (!texts.includes(text)) texts.push(text);
  }
  if (texts.length === 0) return null;
  return { decoded: { texts, timedOut: false, unreadable: 0 }, tabUrl: tab.url };
}

/** Scans only the box the user drew (already taken off the page before the capture). */
export async function scanTabRegion(ref: TabRef, selection: RegionSelection, deps: ScanDeps): Promise<ScanResult> {
  const { image, tabUrl } = await captureTab(ref, deps);
  const rect = toCaptureRect(selection, image);
  const decoded = await decodeQrRegion(image, rect);
  return buildScanResult(decoded, { tabUrl, progress: deps.progress }, describeNothingInBox);
}

/** The visible tab as pixels; `signal` stops before the costly unpacking when the answer came from elsewhere. */
export async function captureTab(ref: TabRef, deps: ScanDeps, signal?: AbortSignal, shown = lookUpTab(ref, deps)): Promise<{ image: RgbaImage; tabUrl: string | null }> {
  const decoderReady = deps.prepareDecoder().catch(() => undefined); // a failure surfaces as the decoder's own error
  const tab = await shown;
  if (!tab) {
    throw new CaptureError('tab_not_visible', 'That tab is no longer the one shown: open Tessera again on the page with the QR code.');
  }
  let dataUrl: string;
  try {
    dataUrl = await captureWithinQuota(() => deps.captureVisibleTab(ref.windowId), deps.sleep);
  } catch (error) {
    throw new CaptureError('capture_refused', 'This page cannot be scanned: browser pages and the web store refuse it, and elsewhere open Tessera from its toolbar button (or shortcut) on the page first.', { cause: error });
  }
  // What was captured is attributed to the tab's origin (a sign-in QR is only honoured on its own site), so a tab that
  // moved to another origin while it was being captured is refused rather than credited with the new page's content.
  const after = await deps.getTab(ref.tabId).catch(() => null);
  if (!after || originOf(after.url) !== originOf(tab.url)) {
    throw new CaptureError('tab_not_visible', 'The page changed while it was being scanned: wait until it has loaded, then scan again.');
  }
  signal?.throwIfAborted();
  const image = await pixelsFromImage(dataUrl);
  await decoderReady;
  return { image, tabUrl: tab.url ?? null };
}

type ShownTab = Awaited<ReturnType<ScanDeps['getTab']>>;

/** The tab, if it is still the one its window shows; null otherwise (closed, or another tab brought to the front). */
async function lookUpTab(ref: TabRef, deps: ScanDeps): Promise<ShownTab | null> {
  const tab = await deps.getTab(ref.tabId).catch(() => null);
  return tab && isShown(tab, ref) ? tab : null;
}

function isShown(tab: { active?: boolean; windowId?: number }, ref: TabRef): boolean {
  return tab.active !== false && (tab.windowId === undefined || tab.windowId === ref.windowId);
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

// Chrome allows two captures a second; a quick second scan (or a scan right after a box was drawn) waits its turn.
async function captureWithinQuota(capture: () => Promise<string>, sleep = defaultSleep): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await capture();
    } catch (error) {
      if (attempt >= 3 || !/MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/.test(String(error))) throw error;
      await sleep(350);
    }
  }
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// The words depend on what the frame holds, never on how long the search took: one page, one answer.
function describeNothingOnPage({ unreadable }: { unreadable: number }): string {
  if (unreadable > 0) return 'A QR code on this page is too small to read: zoom the page in (Ctrl and +, or ⌘ and + on a Mac) and scan again.';
  return 'No QR code found on this page. If you can see one, scroll it fully into view or drag a box around it with "Select an area".';
}

function describeNothingInBox({ unreadable }: { unreadable: number }): string {
  if (unreadable > 0) return 'The QR code in the box is too small to read: zoom the page in (Ctrl and +, or ⌘ and + on a Mac) and draw the box again.';
  return 'No QR code found in the box: drag a box around the whole code, with a little margin, and try again.';
}
