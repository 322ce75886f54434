// What a scanned link and a resumed sign-in share: the flow's state, the site's PIN channel, and the PIN step kept in
// session storage so it can be shown again after the popup closed.
import type { Vault } from '../vault/index';
import { initialFlowState, reduceFlow, type FlowEvent, type FlowState } from './flow-state';
import type { KeyValueArea } from '../storage/area';
import { clearPendingSignIn, savePendingSignIn, type PendingSignIn } from './pending-signin';
import { openPinChannel } from './pin-channel';

export interface LinkFlowDeps {
  vault: Pick<Vault, 'list' | 'add' | 'update'>;
  userAgent: string;
  fetchFn?: typeof fetch;
  WebSocketImpl?: typeof WebSocket;
  /** Unix milliseconds. */
  now?: () => number;
  channelFirstDelayMs?: number;
  /** Where a sign-in at its PIN step waits while the popup is closed (the session area in the extension). */
  pending?: KeyValueArea;
}

export function createRunner(deps: LinkFlowDeps, onState: (state: FlowState) => void) {
  const now = deps.now ?? Date.now;
  let state = initialFlowState;
  let closeChannel: (() => void) | null = null;
  let disposed = false;
  let stored: PendingSignIn | null = null;

  const remember = () => {
    if (!deps.pending || !stored) return;
    if (state.step === 'pin') {
      stored = { ...stored, pin: state.pin, pinExpiresAt: state.pinExpiresAt, attemptsLeft: state.attemptsLeft };
      void savePendingSignIn(deps.pending, stored).catch(() => undefined);
    } else if (state.step === 'ended') {
      stored = null;
      void clearPendingSignIn(deps.pending).catch(() => undefined);
    }
  };
  const dispatch = (event: FlowEvent) => {
    if (disposed) return;
    const next = reduceFlow(state, event);
    if (next === state) return;
    state = next;
    remember();
    onState(state);
  };
  const joinChannel = (pending: PendingSignIn) => {
    stored = pending;
    remember();
    if (disposed) return;
    closeChannel = openPinChannel(pending.origin, pending.channelToken, {
      onEvent: (event) => dispatch({ type: 'channel', event }),
      onStatus: (status) => dispatch({ type: 'connection', status }),
      WebSocketImpl: deps.WebSocketImpl,
      now,
      firstDelayMs: deps.channelFirstDelayMs,
    });
  };
  return {
    now,
    dispatch,
    joinChannel,
    state: () => state,
    dispose() {
      disposed = true;
      closeChannel?.();
    },
  };
}

/** Shows a sign-in left at its PIN step again, and rejoins the site's channel for fresh PINs and the ending. */
export function resumeLinkFlow(pending: PendingSignIn, deps: LinkFlowDeps, onState: (state: FlowState) => void): { dispose(): void } {
  const runner = createRunner(deps, onState);
  runner.dispatch({ type: 'resumed', pending });
  runner.joinChannel(pending);
  return { dispose: runner.dispose };
}

