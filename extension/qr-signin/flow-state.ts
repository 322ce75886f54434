// The steps of a Tessera QR link in the extension, as plain data: check, choose and approve, PIN, end.
// Every change goes through reduceFlow, so the screens only draw a state and send events.
import type { ExtensionEvent, QrScanResponse } from '#shared/protocol/qr-signin.ts';
import { MAX_PIN_ATTEMPTS } from '#shared/protocol/qr-signin.ts';
import type { VaultAccount } from '../vault/index';
import type { QrLinkDecision } from './decide';
import { describeChannelEnd, describeFreshPin } from './flow-messages';
import type { PendingSignIn } from './pending-signin';

export type FlowOutcome = 'signed-in' | 'paired' | 'locked' | 'expired' | 'refused' | 'failed' | 'cancelled';

export type FlowState =
  | { step: 'checking' }
  | { step: 'choose'; origin: string; accounts: VaultAccount[]; chosenId: string }
  | { step: 'sending'; kind: 'signin' | 'pair'; origin: string }
  | {
      step: 'pin'; origin: string; pin: string; pinExpiresAt: number; attemptsLeft: number;
      connection: 'connecting' | 'live' | 'reconnecting'; notice: string | null;
      /** Shown again from session storage after the popup had closed. */
      resumed: boolean;
    }
  | { step: 'ended'; outcome: FlowOutcome; origin: string | null; message: string };

export type FlowEvent =
  | { type: 'decided'; decision: QrLinkDecision }
  | { type: 'resumed'; pending: PendingSignIn }
  | { type: 'choose'; accountId: string }
  | { type: 'approve' }
  | { type: 'cancel' }
  | { type: 'scanned'; response: Extract<QrScanResponse, { kind: 'signin' }> }
  | { type: 'paired'; message: string }
  | { type: 'failed'; message: string; outcome?: FlowOutcome }
  | { type: 'channel'; event: ExtensionEvent }
  | { type: 'connection'; status: 'live' | 'reconnecting' | 'closed' };

export const initialFlowState: FlowState = { step: 'checking' };

const originOf = (state: FlowState): string | null => ('origin' in state ? state.origin : null);

export function reduceFlow(state: FlowState, event: FlowEvent): FlowState {
  // An ended flow stays ended: late channel messages or clicks change nothing on screen.
  if (state.step === 'ended') return state;
  switch (event.type) {
    case 'decided':
      return decide(state, event.decision);
    case 'resumed': {
      if (state.step !== 'checking') return state;
      const { origin, pin, pinExpiresAt, attemptsLeft } = event.pending;
      return { step: 'pin', origin, pin, pinExpiresAt, attemptsLeft, connection: 'connecting', notice: null, resumed: true };
    }
    case 'choose':
      if (state.step !== 'choose' || !state.accounts.some((account) => account.id === event.accountId)) return state;
      return { ...state, chosenId: event.accountId };
    case 'approve':
      if (state.step !== 'choose') return state;
      return { step: 'sending', kind: 'signin', origin: state.origin };
    case 'cancel':
      // Only before anything was sent; later the site already knows, and closing the view is all there is.
      if (state.step !== 'choose') return state;
      return { step: 'ended', outcome: 'cancelled', origin: originOf(state), message: 'Nothing was sent: the QR code was not used.' };
    case 'scanned':
      if (state.step !== 'sending') return state;
      return {
        step: 'pin', origin: state.origin, pin: event.response.pin, pinExpiresAt: event.response.pinExpiresAt,
        attemptsLeft: MAX_PIN_ATTEMPTS, connection: 'connecting', notice: null, resumed: false,
      };
    case 'paired':
      return { step: 'ended', outcome: 'paired', origin: originOf(state), message: event.message };
    case 'failed':
      return { step: 'ended', outcome: event.outcome ?? 'failed', origin: originOf(state), message: event.message };
    case 'channel':
      return state.step === 'pin' ? onChannelEvent(state, event.event) : state;
    case 'connection':
      return state.step === 'pin' ? onConnection(state, event.status) : state;
  }
}

function decide(state: FlowState, decision: QrLinkDecision): FlowState {
  if (state.step !== 'checking') return state;
  if (!decision.ok) return { step: 'ended', outcome: 'refused', origin: null, message: decision.message };
  if (decision.kind === 'pair') return { step: 'sending', kind: 'pair', origin: decision.origin };
  return { step: 'choose', origin: decision.origin, accounts: decision.accounts, chosenId: decision.accounts[0].id };
}

type PinState = Extract<FlowState, { step: 'pin' }>;

function onChannelEvent(state: PinState, event: ExtensionEvent): FlowState {
  if (event.type === 'pin') {
    return {
      ...state, pin: event.pin, pinExpiresAt: event.pinExpiresAt, attemptsLeft: event.attemptsLeft,
      notice: describeFreshPin(state.attemptsLeft, event.attemptsLeft),
    };
  }
  const outcome = event.type === 'signed-in' ? 'signed-in' : event.type;
  return { step: 'ended', outcome, origin: state.origin, message: describeChannelEnd(event.type, state.origin) };
}

function onConnection(state: PinState, status: 'live' | 'reconnecting' | 'closed'): FlowState {
  // The site refuses the channel of a sign-in that ended while the popup was closed; that looks like a failed connection.
  if (status === 'reconnecting' && state.resumed && state.connection === 'connecting') {
    return { step: 'ended', outcome: 'expired', origin: state.origin, message: describeChannelEnd('gone', state.origin) };
  }
  if (status !== 'closed') return { ...state, connection: status };
  // Closed without an ending from the site: the channel gave up reconnecting.
  return { step: 'ended', outcome: 'failed', origin: state.origin, message: describeChannelEnd('lost', state.origin) };
}
