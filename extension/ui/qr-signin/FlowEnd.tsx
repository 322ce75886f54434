import { useEffect, useRef } from 'preact/hooks';
import type { FlowOutcome } from '../../qr-signin/flow-state';

const TITLES: Record<FlowOutcome, string> = {
  'signed-in': 'Signed in',
  paired: 'Paired',
  locked: 'Sign-in locked',
  expired: 'Sign-in ended',
  refused: 'QR code refused',
  failed: 'Not done',
  cancelled: 'Cancelled',
};

const SUCCESS: FlowOutcome[] = ['signed-in', 'paired', 'cancelled'];

/** How the flow ended, in words, and a way back to the list. */
export function FlowEnd({ outcome, message, onClose }: { outcome: FlowOutcome; message: string; onClose(): void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  const good = SUCCESS.includes(outcome);
  return (
    <div class="stack">
      <h2 id="qr-link-title">{TITLES[outcome]}</h2>
      <p class={good ? 'qr-outcome' : 'error'} role={good ? 'status' : 'alert'}>{message}</p>
      <div class="buttons">
        <button type="button" class="primary" ref={closeRef} onClick={onClose}>Close</button>
      </div>
    </div>
  );
}
