import { useCallback, useState } from 'preact/hooks';
import { isCaptureFailure, type ScanRegionResponse } from '../../capture/responses';
import { browserArea } from '../../storage/browser-area';
import { readActivePage, type ActivePage } from '../../ui/page/active-page';
import { scanActivePage, startRegionScan } from '../../ui/page/scan-page';
import { describeError } from '../../ui/text/describe-error';
import type { ScanState } from '../../ui/components/ScanPanel';
import type { ScanFinding } from '../../capture/types';

const NO_PAGE = 'Tessera cannot read this tab. Open a web page, then click Tessera\'s button on it and Scan again.';

/** The scan shown in the popup: of the page, of a picture, or one left by the shortcut, context menu or region select. */
export function useScanner(page: ActivePage | null) {
  const [scan, setScan] = useState<ScanState>({ kind: 'idle' });

  const show = useCallback((response: ScanRegionResponse) => {
    if ('cancelled' in response) return setScan({ kind: 'idle' });
    if (isCaptureFailure(response)) return setScan({ kind: 'failed', message: response.error.message });
    setScan({ kind: 'result', result: response });
  }, []);

  const scanPage = useCallback(async () => {
    setScan({ kind: 'scanning' });
    try {
      // A click right as the popup opens may come before the tab was read.
      const target = page ?? (await readActivePage());
      if (!target) return setScan({ kind: 'failed', message: NO_PAGE });
      show(await scanActivePage(target));
    } catch (error) {
      setScan({ kind: 'failed', message: describeError(error) });
    }
  }, [page, show]);

  const scanImage = useCallback(async (file: Blob) => {
    setScan({ kind: 'scanning' });
    try {
      // Loaded on demand: the decoder's WebAssembly stays out of the popup's first paint.
      const { decodeImageBlob } = await import('../../capture/decode-image');
      setScan({ kind: 'result', result: await decodeImageBlob(file, { progress: browserArea('session') }) });
    } catch (error) {
      setScan({ kind: 'failed', message: describeError(error) });
    }
  }, []);

  const selectArea = page && page.site ? () => startRegionScan(page) : null;
  const close = useCallback(() => setScan({ kind: 'idle' }), []);
  // A page may show several codes: adding or cancelling one leaves the others on screen.
  const dismiss = useCallback((finding: ScanFinding) => setScan((current) => {
    if (current.kind !== 'result') return current;
    const findings = current.result.findings.filter((item) => item !== finding);
    return findings.length === 0 ? { kind: 'idle' } : { kind: 'result', result: { ...current.result, findings } };
  }), []);
  return { scan, show, scanPage, scanImage, selectArea, close, dismiss };
}
