import { useLayoutEffect } from 'preact/hooks';
import { TICK_MARK } from '../../ui/hooks/use-now';

export const CODES_SHOWN_MARK = 'tessera:codes-shown';
export const TICK_MEASURE = 'tessera:tick';

// Marks read by bench/popup.bench.ts: when the first codes are on screen (relative to the page opening),
// and how long each per-second refresh took from the timer firing to the DOM being updated.
export function usePerfMarks(now: number): void {
  // The accounts come with the view: its first layout is the first screen of codes.
  useLayoutEffect(() => { performance.mark(CODES_SHOWN_MARK); }, []);
  useLayoutEffect(() => {
    if (performance.getEntriesByName(TICK_MARK, 'mark').length === 0) return;
    // Entries would pile up in a popup left open for hours: keep the recent ones only.
    if (performance.getEntriesByName(TICK_MEASURE).length >= 300) performance.clearMeasures(TICK_MEASURE);
    performance.measure(TICK_MEASURE, TICK_MARK);
    performance.clearMarks(TICK_MARK);
  }, [now]);
}
