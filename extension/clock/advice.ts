// What the popup says about the clock, from the last reading and the correction the user agreed to (if any).
import { breaksCodes, describeOffset, formatOffset, type ClockReading } from './skew';

export type ClockAdvice =
  | { kind: 'none' }
  /** The clock is off enough to break codes: say by how much, and offer to correct codes by it. */
  | { kind: 'skewed'; offsetMs: number; site: string; message: string }
  /** Codes are corrected, and no reading says the correction went wrong. */
  | { kind: 'corrected'; offsetMs: number; message: string }
  /** Codes are corrected, but the clock has changed since (set right, or off by another amount). */
  | { kind: 'stale'; offsetMs: number; site: string; message: string };

/** `correctionMs`: what the user agreed to add to the clock for codes, or null. */
export function adviseOnClock(reading: ClockReading | null, correctionMs: number | null): ClockAdvice {
  if (correctionMs !== null) {
    // The clock as the codes see it is ours plus the correction: what is left of the offset is the error now.
    if (reading && breaksCodes(reading.offsetMs - correctionMs, reading.uncertaintyMs)) {
      return {
        kind: 'stale', offsetMs: reading.offsetMs, site: reading.site,
        message: `Codes are corrected by ${formatOffset(correctionMs)}, but your clock is now ${describeOffset(reading.offsetMs, reading.site)}: the corrected codes are wrong.`,
      };
    }
    return { kind: 'corrected', offsetMs: correctionMs, message: `Codes are corrected for a clock ${describeOffset(correctionMs, 'the right time')}.` };
  }
  if (!reading || !breaksCodes(reading.offsetMs, reading.uncertaintyMs)) return { kind: 'none' };
  return {
    kind: 'skewed', offsetMs: reading.offsetMs, site: reading.site,
    message: `Your computer's clock is ${describeOffset(reading.offsetMs, reading.site)}: sites will refuse the codes it makes. Set the clock to update automatically, or correct Tessera's codes by ${formatOffset(reading.offsetMs)}.`,
  };
}
