import type { FlowState } from '../../qr-signin/flow-state';
import { groupCode } from '../text/format-code';
import { useNow } from '../hooks/use-now';

type PinState = Extract<FlowState, { step: 'pin' }>;

/** The PIN to type on the page, large, with the site, the time left and what the live line to the site says. */
export function PinPanel({ state, onClose }: { state: PinState; onClose(): void }) {
  const now = useNow();
  const left = Math.max(0, Math.ceil(state.pinExpiresAt / 1000 - now));
  return (
    <div class="stack">
      <h2 id="qr-link-title">Enter this PIN on {state.origin}</h2>
      <p class="qr-pin" aria-label={`PIN ${state.pin.split('').join(' ')}`} data-pin={state.pin}>{groupCode(state.pin)}</p>
      <p class="hint" role="timer" aria-live="off">{left > 0 ? `Expires in ${left} seconds` : 'Expired: a new PIN is on its way'}</p>
      {state.notice && <p class="warning" role="alert">{state.notice}</p>}
      <p class={state.connection === 'reconnecting' ? 'warning' : 'hint'} role="status">
        {state.connection === 'reconnecting' ? 'Connection to the site lost: reconnecting…' : state.connection === 'live' ? 'Waiting for the page…' : 'Connecting to the site…'}
      </p>
      <div class="buttons">
        <button type="button" onClick={onClose}>Close</button>
      </div>
    </div>
  );
}
