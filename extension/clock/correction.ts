// The clock codes are made from: the computer's, plus the correction the user agreed to when it was found wrong.
// Every place that makes a code for a person (popup, fill shortcut, automatic fill) reads the same correction.
import type { KeyValueArea } from '../storage/area';
import { clockCorrectionItem } from '../storage/items';

/** Unix milliseconds for making codes. */
export async function codeClock(store: KeyValueArea, now: number = Date.now()): Promise<number> {
  return now + ((await clockCorrectionItem.get(store)) ?? 0);
}

export function correctCodesBy(store: KeyValueArea, offsetMs: number): Promise<void> {
  return clockCorrectionItem.set(store, Math.round(offsetMs));
}

export function stopCorrectingCodes(store: KeyValueArea): Promise<void> {
  return clockCorrectionItem.remove(store);
}
