// Reads the clock of the web server behind the page the popup was opened on: one HEAD request for the page from
// inside the page (same origin, so its Date header is readable), no cookies beyond the page's own. The popup has the
// page through the activeTab grant of the toolbar click; a reading is kept a while, so not every opening asks again.
import { browser } from 'wxt/browser';
import type { KeyValueArea } from '../storage/area';
import { clockReadingItem } from '../storage/items';
import { breaksCodes, readClockOffset, type ClockReading } from './skew';

// Long enough to ask a site seldom, short enough that a clock set right is noticed soon.
export const READING_TTL_MS = 10 * 60_000;

interface Sample { date: string | null; sentAt: number; receivedAt: number }

/** Runs in the page: serialized by the scripting API, so it uses nothing from outside its own body. */
async function sampleServerClock(): Promise<Sample | null> {
  try {
    const sentAt = Date.now();
    const response = await fetch(location.href, { method: 'HEAD', cache: 'no-store', credentials: 'same-origin' });
    return { date: response.headers.get('date'), sentAt, receivedAt: Date.now() };
  } catch {
    return null;
  }
}

/** A fresh reading from the tab's server (kept as the last reading), the last one while it is recent and fine, or null. */
export async function readTabClock(store: KeyValueArea, tabId: number, site: string, now: () => number = Date.now): Promise<ClockReading | null> {
  const last = await clockReadingItem.get(store);
  // A reading that found the clock wrong is taken again at each opening: a clock set right is seen at once.
  const recent = last && now() >= last.at && now() - last.at < READING_TTL_MS;
  if (last && recent && !breaksCodes(last.offsetMs, last.uncertaintyMs)) return last;
  const [result] = await browser.scripting.executeScript({ target: { tabId }, func: sampleServerClock });
  const sample = result?.result as Sample | null | undefined;
  const offset = sample ? readClockOffset(sample.date, sample.sentAt, sample.receivedAt) : null;
  if (!offset) return last;
  const reading: ClockReading = { ...offset, site, at: now() };
  await clockReadingItem.set(store, reading);
  return reading;
}
