// Drives the extension's QR link flow in Node against the real site: a user with TOTP, a vault holding that account,
// the flow's states as they come, and the URLs it fetched (to show when nothing was sent).
import { expect } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { createLinkFlow, type LinkFlow } from '../../../extension/qr-signin/link-flow';
import type { FlowState } from '../../../extension/qr-signin/flow-state';
import { signUpWithTotp, type TestSite } from '../../site/support/site';
import { unlockedHarness, type Harness } from '../../extension/support/vault-fixture';
import { CHROME_UA, createRecordingFetch, startQrSite } from './qr-site';

export const EMAIL = 'grace@example.com';
export type PinState = Extract<FlowState, { step: 'pin' }>;

export interface Run { flow: LinkFlow; states: FlowState[]; urls: string[]; until(step: FlowState['step']): Promise<FlowState> }

const flows: LinkFlow[] = [];

/** Closes the PIN channels of every flow started since the last call. */
export function disposeFlows(): void {
  flows.splice(0).forEach((flow) => flow.dispose());
}

export function startFlow(site: TestSite, harness: Harness, text: string, tabUrl = `${site.url}/signin`): Run {
  const states: FlowState[] = [];
  const { fetchFn, urls } = createRecordingFetch();
  const flow = createLinkFlow({ text, tabUrl }, {
    vault: harness.vault, userAgent: CHROME_UA, fetchFn, WebSocketImpl: NodeWebSocket as unknown as typeof WebSocket,
    now: () => site.clock.ms, channelFirstDelayMs: 20,
  }, (state) => states.push(state));
  flows.push(flow);
  const until = async (step: FlowState['step']) => {
    for (let i = 0; i < 300; i++) {
      const found = states.findLast((state) => state.step === step);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`never reached ${step}: ${JSON.stringify(states.at(-1))}`);
  };
  return { flow, states, urls, until };
}

/** A user with TOTP on a fresh site, and a vault holding that account bound to the given sites. */
export async function startUserWithVault(sites = ['127.0.0.1']): Promise<{ site: TestSite; secret: string; harness: Harness }> {
  const site = await startQrSite();
  const secret = await signUpWithTotp(site, site.client(), EMAIL);
  const harness = await unlockedHarness();
  await harness.vault.add([{ type: 'totp', issuer: 'Tessera Demo', account: EMAIL, secret, algorithm: 'SHA1', digits: 6, period: 30, counter: 0, sites }]);
  return { site, secret, harness };
}

export async function runToPin(run: Run): Promise<PinState> {
  await run.flow.start();
  await run.flow.approve();
  return run.until('pin') as Promise<PinState>;
}

export const readPin = (run: Run) => (run.states.at(-1) as PinState).pin;
export const isLive = (run: Run) => (run.states.at(-1) as { connection?: string }).connection === 'live';

export async function waitUntil(check: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}
