// How far this computer's clock is from the time of a web server, read from the Date header of a response. Codes are
// made from the clock: a clock off by more than a code's period makes codes that sites refuse. Plain functions over
// plain numbers (milliseconds), so the clock is always given, never read here.

/** One reading: the server's time minus ours, and how far off the reading itself may be. */
export interface ClockReading { offsetMs: number; uncertaintyMs: number; site: string; at: number }

/** A code step is 30 s for nearly every account, and sites accept the step before and after at most: beyond 30 s, a
 * share of the codes shown is refused, and beyond 60 s nearly all of them. */
export const SKEW_WARN_MS = 30_000;
// A reading whose round trip took longer than this says too little to act on.
const MAX_UNCERTAINTY_MS = 5_000;
// The Date header has whole seconds: the server's time is somewhere in the second it names.
const DATE_RESOLUTION_MS = 1_000;

/** The offset of the server's clock from ours, from a Date header and our clock when the request left and returned. */
export function readClockOffset(dateHeader: string | null, sentAt: number, receivedAt: number): Omit<ClockReading, 'site' | 'at'> | null {
  if (!dateHeader || !(receivedAt >= sentAt)) return null;
  const serverTime = Date.parse(dateHeader);
  if (Number.isNaN(serverTime)) return null;
  const halfTrip = (receivedAt - sentAt) / 2;
  const uncertaintyMs = halfTrip + DATE_RESOLUTION_MS / 2;
  if (uncertaintyMs > MAX_UNCERTAINTY_MS) return null;
  return { offsetMs: Math.round(serverTime + DATE_RESOLUTION_MS / 2 - (sentAt + halfTrip)), uncertaintyMs: Math.round(uncertaintyMs) };
}

/** True when an offset of this size, even at the reading's most favourable end, makes codes sites refuse. */
export function breaksCodes(offsetMs: number, uncertaintyMs = 0): boolean {
  return Math.abs(offsetMs) - uncertaintyMs >= SKEW_WARN_MS;
}

/** "5 min 3 s", "42 s", "2 h 5 min": the size of an offset, in words a person reads at a glance. */
export function formatOffset(offsetMs: number): string {
  const seconds = Math.round(Math.abs(offsetMs) / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

/** "5 min behind example.com", "42 s ahead of example.com": our clock against `than`'s. */
export function describeOffset(offsetMs: number, than: string): string {
  return `${formatOffset(offsetMs)} ${offsetMs > 0 ? 'behind' : 'ahead of'} ${than}`;
}
