// Runs a Tessera QR link from the text a scan found to its end: the checks, the scan call, the PIN channel, the
// pairing. Framework-free: the view subscribes to its states; tests drive it with a real site and a real vault.
import { generateCode } from '../../shared/otp/index';
import { parseQrLink, QrLinkError, type QrLink } from '../../shared/protocol/qr-link';
import type { Vault, VaultAccount } from '../vault/index';
import { isVaultError } from '../vault/index';
import { decideQrLink } from './decide';
import { describeDevice } from './device-name';
import { describeScanError, VAULT_LOCKED_MESSAGE } from './flow-messages';
import { initialFlowState, reduceFlow, type FlowEvent, type FlowState } from './flow-state';
import { addPairedAccount } from './pair-account';
import { openPinChannel } from './pin-channel';
import { postQrScan, QrSignInError } from './scan-api';

export interface LinkFlowDeps {
  vault: Pick<Vault, 'list' | 'add' | 'update'>;
  userAgent: string;
  fetchFn?: typeof fetch;
  WebSocketImpl?: typeof WebSocket;
  /** Unix milliseconds. */
  now?: () => number;
  channelFirstDelayMs?: number;
}

export interface LinkFlow {
  start(): Promise<void>;
  choose(accountId: string): void;
  approve(): Promise<void>;
  cancel(): void;
  /** Closes the PIN channel; nothing is reported afterwards. */
  dispose(): void;
}

export function createLinkFlow(scan: { text: string; tabUrl: string }, deps: LinkFlowDeps, onState: (state: FlowState) => void): LinkFlow {
  const now = deps.now ?? Date.now;
  let state = initialFlowState;
  let link: QrLink | null = null;
  let closeChannel: (() => void) | null = null;
  let disposed = false;

  const dispatch = (event: FlowEvent) => {
    if (disposed) return;
    const next = reduceFlow(state, event);
    if (next === state) return;
    state = next;
    onState(state);
  };
  const fail = (error: unknown, origin: string) => {
    if (isVaultError(error, 'locked')) return dispatch({ type: 'failed', message: VAULT_LOCKED_MESSAGE });
    dispatch({ type: 'failed', message: describeScanError(error, origin) });
  };
  const device = () => describeDevice(deps.userAgent);

  const pair = async (origin: string) => {
    try {
      const response = await postQrScan(origin, { qrToken: link!.token, device: device() }, deps.fetchFn);
      if (response.kind !== 'pair') throw new QrSignInError('unexpected_answer', `${origin} answered a pairing QR code with a sign-in.`);
      dispatch({ type: 'paired', message: await addPairedAccount(deps.vault, origin, response.otpauthUri) });
    } catch (error) {
      fail(error, origin);
    }
  };

  const listAccounts = async (): Promise<VaultAccount[] | null> => {
    try {
      return await deps.vault.list();
    } catch (error) {
      dispatch({ type: 'failed', message: isVaultError(error, 'locked') ? VAULT_LOCKED_MESSAGE : 'Tessera could not read its accounts. Nothing was sent; try again.' });
      return null;
    }
  };

  return {
    async start() {
      try {
        link = parseQrLink(scan.text);
      } catch (error) {
        const message = error instanceof QrLinkError ? error.message : 'This QR code could not be read as a Tessera link.';
        return dispatch({ type: 'failed', outcome: 'refused', message });
      }
      const accounts = await listAccounts();
      if (!accounts) return;
      dispatch({ type: 'decided', decision: decideQrLink(link, scan.tabUrl, accounts) });
      if (state.step === 'sending' && state.kind === 'pair') await pair(state.origin);
    },
    choose: (accountId) => dispatch({ type: 'choose', accountId }),
    async approve() {
      if (state.step !== 'choose' || !link) return;
      const { origin, chosenId } = state;
      dispatch({ type: 'approve' });
      // Read again: the vault may have locked, or the account gone, while the question was on screen.
      const accounts = await listAccounts();
      if (!accounts) return;
      const account = accounts.find((item) => item.id === chosenId);
      if (!account) return dispatch({ type: 'failed', message: 'That account is no longer in Tessera. Nothing was sent: scan the QR code again.' });
      try {
        const code = generateCode(account, Math.floor(now() / 1000));
        const response = await postQrScan(origin, { qrToken: link.token, email: account.account, code, device: device() }, deps.fetchFn);
        if (response.kind !== 'signin') throw new QrSignInError('unexpected_answer', `${origin} answered a sign-in QR code with a pairing.`);
        dispatch({ type: 'scanned', response });
        if (disposed) return;
        closeChannel = openPinChannel(origin, response.channelToken, {
          onEvent: (event) => dispatch({ type: 'channel', event }),
          onStatus: (status) => dispatch({ type: 'connection', status }),
          WebSocketImpl: deps.WebSocketImpl,
          now,
          firstDelayMs: deps.channelFirstDelayMs,
        });
      } catch (error) {
        fail(error, origin);
      }
    },
    cancel: () => dispatch({ type: 'cancel' }),
    dispose() {
      disposed = true;
      closeChannel?.();
    },
  };
}
