import type { ScanResult } from '../../capture/index';
import { FindingView, type FindingActions } from './FindingView';
import { ImagePicker } from './ImagePicker';

export type ScanState =
  | { kind: 'idle' }
  | { kind: 'scanning' }
  | { kind: 'failed'; message: string }
  | { kind: 'result'; result: ScanResult };

interface Props extends FindingActions {
  scan: Exclude<ScanState, { kind: 'idle' }>;
  /** Null when the popup has no page to draw a box on (an image scan, a browser page). */
  onSelectArea: (() => void) | null;
  onImage(file: File): void;
}

/** The scan's answer: the codes found, or why nothing was, with the other ways to read a code. */
export function ScanPanel({ scan, onSelectArea, onImage, ...actions }: Props) {
  if (scan.kind === 'scanning') return <section class="panel" aria-busy="true"><p role="status">Looking for a QR code…</p></section>;
  const nothing = scan.kind === 'failed' ? scan.message : scan.result.findings.length === 0 ? scan.result.message ?? 'No QR code found.' : null;
  if (nothing !== null || scan.kind !== 'result') {
    return (
      <section class="panel stack" aria-labelledby="scan-title">
        <h2 id="scan-title">No code read</h2>
        <p role="alert">{nothing}</p>
        {onSelectArea && <p class="hint">Draw a box around the code: it is read at full resolution. Esc cancels.</p>}
        <div class="buttons">
          <button type="button" onClick={actions.onClose}>Close</button>
          <ImagePicker onImage={onImage} />
          {onSelectArea && <button type="button" class="primary" onClick={onSelectArea}>Select an area</button>}
        </div>
      </section>
    );
  }
  const { findings, tabUrl } = scan.result;
  return (
    <section class="panel stack" aria-label="Scan result">
      {findings.map((finding, i) => <FindingView key={i} finding={finding} tabUrl={tabUrl} actions={actions} />)}
      {findings.every((finding) => finding.kind !== 'account' && finding.kind !== 'migration') && (
        <div class="buttons"><button type="button" onClick={actions.onClose}>Close</button></div>
      )}
    </section>
  );
}
