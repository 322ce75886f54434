// The popup's view of a Tessera QR link (tessera:signin / tessera:pair) a scan found: check, approve, PIN, end.
import { ConfirmSignIn } from './ConfirmSignIn';
import { FlowEnd } from './FlowEnd';
import { PinPanel } from './PinPanel';
import { useLinkFlow } from './use-link-flow';
import './qr-signin.css';

export interface QrLinkFlowProps {
  /** The QR code's text, as the scan found it. */
  text: string;
  /** The URL of the tab the QR code was captured from. */
  tabUrl: string;
  onClose(): void;
}

export function QrLinkFlow({ text, tabUrl, onClose }: QrLinkFlowProps) {
  const { state, actions } = useLinkFlow(text, tabUrl);
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
