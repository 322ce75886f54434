// Runs a Tessera QR link from the text a scan found to its end: the checks, the scan call, the PIN channel, the
// pairing. Framework-free: the view subscribes to its states; tests drive it with a real site and a real vault.
import { generateCode } from '#shared/otp/index.ts';
import { parseQrLink, QrLinkError, type QrLink } from '#shared/protocol/qr-link.ts';
import { MAX_PIN_ATTEMPTS } from '#shared/protocol/qr-signin.ts';
import { isVaultError, type VaultAccount } from '../vault/index';
import { decideQrLink } from './decide';
import { describeDevice } from './device-name';
import { describeScanError, VAULT_LOCKED_MESSAGE } from './flow-messages';
import type { FlowState } from './flow-state';
import { createRunner, type LinkFlowDeps } from './flow-runner';
import { addPairedAccount } from './pair-account';
import { postQrScan, QrSignInError } from './scan-api';

export type { LinkFlowDeps } from './flow-runner';
export { resumeLinkFlow } from './flow-runner';

export interface LinkFlow {
  start(): Promise<void>;
  choose(accountId: string): void;
  approve(): Promise<void>;
  cancel(): void;
  /** Closes the PIN channel; nothing is reported afterwards. */
  dispose(): void;
}

export function createLinkFlow(scan: { text: string; tabUrl: string }, deps: LinkFlowDeps, onState: (state: FlowState) => void): LinkFlow {
  const runner = createRunner(deps, onState);
  const { now, dispatch } = runner;
  let link: QrLink | null = null;
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
      const state = runner.state();
      if (state.step === 'sending' && state.kind === 'pair') await pair(state.origin);
    },
    choose: (accountId) => dispatch({ type: 'choose', accountId }),
    async approve() {
      const state = runner.state();
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
        const startedAt = now();
        dispatch({ type: 'scanned', response });
        const { pin, pinExpiresAt, channelToken } = response;
        runner.joinChannel({ origin, channelToken, pin, pinExpiresAt, attemptsLeft: MAX_PIN_ATTEMPTS, startedAt });
      } catch (error) {
        fail(error, origin);
      }
    },
    cancel: () => dispatch({ type: 'cancel' }),
    dispose: runner.dispose,
  };
}
