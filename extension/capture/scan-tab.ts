// One click: capture the visible tab at its device pixel ratio, decode it, classify what was found.
// Browser APIs come in through `ScanDeps` (register.ts wires the real ones), so the steps stay plain functions.
import { decodeQrCodes, decodeQrRegion, type RgbaImage } from '#shared/qr/index.ts';
import { CaptureError } from './errors';
import { buildScanResult } from './findings';
import type { KeyValueArea } from '../storage/area';
import { pixelsFromImage } from './pixels-from-image';
import { toCaptureRect, type RegionSelection } from './region';
import type { ScanResult } from './types';

export interface TabRef { tabId: number; windowId: number }

export interface ScanDeps {
  getTab(tabId: number): Promise<{ url?: string; active?: boolean; windowId?: number }>;
  /** A PNG data URL of the window's visible tab, in device pixels. */
  captureVisibleTab(windowId: number): Promise<string>;
  /** Where export progress is kept: the session area in the extension. */
  progress: KeyValueArea;
  prepareDecoder(): Promise<void>;
  /** Waits between capture attempts; setTimeout by default. */
  sleep?: (ms: number) => Promise<void>;
}

// The decoder gets the same search whatever the capture cost, so the same page always gets the same answer.
export async function scanTab(ref: TabRef, deps: ScanDeps): Promise<ScanResult> {
  const { image, tabUrl } = await captureTab(ref, deps);
  const decoded = await decodeQrCodes(image);
  return buildScanResult(decoded, { tabUrl, progress: deps.progress }, describeNothingOnPage);
}

/** Scans only the box the user drew (already taken off the page before the capture). */
export async function scanTabRegion(ref: TabRef, selection: RegionSelection, deps: ScanDeps): Promise<ScanResult> {
  const { image, tabUrl } = await captureTab(ref, deps);
  const rect = toCaptureRect(selection, image);
  const decoded = await decodeQrRegion(image, rect);
  return buildScanResult(decoded, { tabUrl, progress: deps.progress }, describeNothingInBox);
}

export async function captureTab(ref: TabRef, deps: ScanDeps): Promise<{ image: RgbaImage; tabUrl: string | null }> {
  const decoderReady = deps.prepareDecoder().catch(() => undefined); // a failure surfaces as the decoder's own error
  const tab = await deps.getTab(ref.tabId).catch(() => null);
  if (!tab || tab.active === false || (tab.windowId !== undefined && tab.windowId !== ref.windowId)) {
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
  const image = await pixelsFromImage(dataUrl);
  await decoderReady;
  return { image, tabUrl: tab.url ?? null };
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
