// The popup's view of a Tessera QR link (tessera:signin / tessera:pair) a scan found: check, approve, PIN, end.
import { FlowView } from './FlowView';
import { useLinkFlow } from './use-link-flow';

export interface QrLinkFlowProps {
  /** The QR code's text, as the scan found it. */
  text: string;
  /** The URL of the tab the QR code was captured from. */
  tabUrl: string;
  onClose(): void;
}

export function QrLinkFlow({ text, tabUrl, onClose }: QrLinkFlowProps) {
  const { state, actions } = useLinkFlow(text, tabUrl);
  return <FlowView state={state} actions={actions} onClose={onClose} />;
}
