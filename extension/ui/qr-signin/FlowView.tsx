import type { FlowState } from '../../qr-signin/flow-state';
import { ConfirmSignIn } from './ConfirmSignIn';
import { FlowEnd } from './FlowEnd';
import { PinPanel } from './PinPanel';
import type { LinkFlowActions } from './use-link-flow';
import './qr-signin.css';

/** Draws one state of a QR link flow; every step has a heading, and every ending its words. */
export function FlowView({ state, actions, onClose }: { state: FlowState; actions: LinkFlowActions; onClose(): void }) {
  return (
    <section class="panel qr-link" aria-labelledby="qr-link-title" aria-busy={state.step === 'checking' || state.step === 'sending'}>
      {state.step === 'checking' && <h2 id="qr-link-title">Checking the QR code…</h2>}
      {state.step === 'choose' && (
        <ConfirmSignIn origin={state.origin} accounts={state.accounts} chosenId={state.chosenId}
          onChoose={actions.choose} onApprove={actions.approve} onCancel={actions.cancel} />
      )}
      {state.step === 'sending' && (
        <h2 id="qr-link-title">{state.kind === 'pair' ? `Pairing with ${state.origin}…` : `Signing in to ${state.origin}…`}</h2>
      )}
      {state.step === 'pin' && <PinPanel state={state} onClose={onClose} />}
      {state.step === 'ended' && <FlowEnd outcome={state.outcome} message={state.message} onClose={onClose} />}
    </section>
  );
}
