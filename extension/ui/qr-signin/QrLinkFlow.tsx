// The popup's view of a Tessera QR link (tessera:signin / tessera:pair) a scan found: check, approve, PIN, end.
import type { Vault } from '../../vault/index';
import { FlowView } from './FlowView';
import { useLinkFlow } from './use-link-flow';

export interface QrLinkFlowProps {
  vault: Vault;
  /** The QR code's text, as the scan found it. */
  text: string;
  /** The URL of the tab the QR code was captured from. */
  tabUrl: string;
  onClose(): void;
}

export function QrLinkFlow({ vault, text, tabUrl, onClose }: QrLinkFlowProps) {
  const { state, actions } = useLinkFlow(vault, text, tabUrl);
  return <FlowView state={state} actions={actions} onClose={onClose} />;
}
