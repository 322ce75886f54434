import { useCallback, useEffect, useState } from 'preact/hooks';
import { browserArea } from '../../storage/browser-area';
import { clockCorrectionItem, clockReadingItem } from '../../storage/items';
import { adviseOnClock } from '../../clock/advice';
import { correctCodesBy, stopCorrectingCodes } from '../../clock/correction';
import { readTabClock } from '../../clock/read-tab-clock';
import type { ClockReading } from '../../clock/skew';
import type { ActivePage } from '../../ui/page/active-page';

/** The clock check of the page the popup was opened on, and the correction of codes the user agreed to (in seconds). */
export function useClock(page: ActivePage | null) {
  const [reading, setReading] = useState<ClockReading | null>(null);
  const [correctionMs, setCorrectionMs] = useState<number | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const store = browserArea('local');
  useEffect(() => {
    void clockCorrectionItem.get(store).then(setCorrectionMs).catch(() => undefined);
    void clockReadingItem.get(store).then((last) => setReading((current) => current ?? last)).catch(() => undefined);
  }, []);
  useEffect(() => {
    if (!page?.site) return;
    void readTabClock(store, page.tabId, page.site).then((next) => next && setReading(next)).catch(() => undefined);
  }, [page]);
  const correct = useCallback(async (offsetMs: number) => {
    await correctCodesBy(store, offsetMs);
    setCorrectionMs(Math.round(offsetMs));
  }, []);
  const stopCorrecting = useCallback(async () => {
    await stopCorrectingCodes(store);
    setCorrectionMs(null);
  }, []);
  return {
    advice: dismissed ? { kind: 'none' as const } : adviseOnClock(reading, correctionMs),
    correctionSeconds: Math.round((correctionMs ?? 0) / 1000),
    correct, stopCorrecting, dismiss: () => setDismissed(true),
  };
}
