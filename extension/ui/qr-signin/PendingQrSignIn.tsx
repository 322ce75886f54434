// A QR sign-in still at its PIN step when the popup opens again (typing the PIN into the page closes the popup):
// the PIN, fresh ones from the site, and the ending. Renders nothing when no sign-in is waiting.
import { useEffect, useState } from 'preact/hooks';
import { browserArea } from '../../storage/browser-area';
import { resumeLinkFlow } from '../../qr-signin/link-flow';
import { loadPendingSignIn } from '../../qr-signin/pending-signin';
import type { FlowState } from '../../qr-signin/flow-state';
import type { Vault } from '../../vault/index';
import { FlowView } from './FlowView';
import type { LinkFlowActions } from './use-link-flow';

// At the PIN step there is nothing left to choose, approve or cancel.
const NO_ACTIONS: LinkFlowActions = { choose: () => undefined, approve: () => undefined, cancel: () => undefined };

export function PendingQrSignIn({ vault, onClose }: { vault: Vault; onClose(): void }) {
  const [state, setState] = useState<FlowState | null>(null);
  useEffect(() => {
    let flow: { dispose(): void } | null = null;
    let gone = false;
    const store = browserArea('session');
    void loadPendingSignIn(store).then((pending) => {
      if (!pending || gone) return;
      flow = resumeLinkFlow(pending, { vault, userAgent: navigator.userAgent, pending: store }, setState);
    }).catch(() => undefined);
    return () => {
      gone = true;
      flow?.dispose();
    };
  }, [vault]);
  if (!state) return null;
  return <FlowView state={state} actions={NO_ACTIONS} onClose={onClose} />;
}
