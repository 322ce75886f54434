import { useEffect, useState } from 'preact/hooks';
// Straight from the modules: the capture index also carries the QR decoder, loaded only for an image scan.
import { browserArea } from '../../storage/browser-area';
import { takePendingScan } from '../../capture/pending-scan';
import type { ScanRegionResponse } from '../../capture/responses';
import { takePendingNotice, type PendingNotice } from '../../autofill/notices';

/** On opening: a scan result or a notice left for the popup by the shortcut, the context menu or the region select. */
export function usePending(show: (response: ScanRegionResponse) => void) {
  const [notice, setNotice] = useState<PendingNotice | null>(null);
  useEffect(() => {
    void takePendingScan(browserArea('session')).then((pending) => pending && show(pending.response)).catch(() => undefined);
    void takePendingNotice().then(setNotice).catch(() => undefined);
  }, [show]);
  return { notice, dismissNotice: () => setNotice(null) };
}
