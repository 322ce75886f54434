import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createLinkFlow, type LinkFlow } from '../../qr-signin/link-flow';
import { initialFlowState, type FlowState } from '../../qr-signin/flow-state';
import { browserArea } from '../../storage/browser-area';
import type { Vault } from '../../vault/index';

export interface LinkFlowActions {
  choose(accountId: string): void;
  approve(): void;
  cancel(): void;
}

/** Runs one QR link flow for as long as the view shows it; unmounting closes its PIN channel. */
export function useLinkFlow(vault: Vault, text: string, tabUrl: string): { state: FlowState; actions: LinkFlowActions } {
  const [state, setState] = useState<FlowState>(initialFlowState);
  const flow = useRef<LinkFlow | null>(null);
  useEffect(() => {
    setState(initialFlowState);
    const current = createLinkFlow({ text, tabUrl }, { vault, userAgent: navigator.userAgent, pending: browserArea('session') }, setState);
    flow.current = current;
    void current.start();
    return () => current.dispose();
  }, [vault, text, tabUrl]);
  const actions = useMemo<LinkFlowActions>(() => ({
    choose: (accountId) => flow.current?.choose(accountId),
    approve: () => void flow.current?.approve(),
    cancel: () => flow.current?.cancel(),
  }), []);
  return { state, actions };
}
