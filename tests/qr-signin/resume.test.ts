// Typing the PIN into the page closes the popup. The sign-in waits in session storage and, when the popup opens
// again, shows the current PIN: a fresh one after a wrong or late entry, and the ending once the page signed in.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { createLinkFlow, resumeLinkFlow, type LinkFlowDeps } from '../../extension/qr-signin/link-flow';
import type { FlowState } from '../../extension/qr-signin/flow-state';
import { loadPendingSignIn, type PendingSignIn } from '../../extension/qr-signin/pending-signin';
import { memoryArea } from '../../extension/storage/area';
import { pendingSignInItem } from '../../extension/storage/items';
import { signUpWithTotp, type TestSite } from '../site/support/site';
import { unlockedHarness } from '../extension/support/vault-fixture';
import { CHROME_UA, issueSigninQr, createPageClient, startQrSite } from './support/qr-site';

const EMAIL = 'nina@example.com';
let site: TestSite;
const disposers: (() => void)[] = [];
afterEach(async () => {
  disposers.splice(0).forEach((dispose) => dispose());
  await site?.close();
});

async function waitFor<T>(read: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never saw ${what}`);
}

/** A sign-in taken to its PIN step by one popup, which then closes; returns what the next popup would find. */
async function signInUntilPopupCloses() {
  site = await startQrSite();
  const secret = await signUpWithTotp(site, site.client(), EMAIL);
  const harness = await unlockedHarness();
  await harness.vault.add([{ type: 'totp', issuer: 'Demo', account: EMAIL, secret, algorithm: 'SHA1', digits: 6, period: 30, counter: 0, sites: ['127.0.0.1'] }]);
  const store = memoryArea();
  const deps: LinkFlowDeps = { vault: harness.vault, userAgent: CHROME_UA, WebSocketImpl: NodeWebSocket as unknown as typeof WebSocket, now: () => site.clock.ms, pending: store, channelFirstDelayMs: 20 };
  const page = createPageClient(site);
  const { qrLink, qrToken } = await issueSigninQr(page);
  const states: FlowState[] = [];
  const flow = createLinkFlow({ text: qrLink, tabUrl: `${site.url}/signin` }, deps, (s) => states.push(s));
  await flow.start();
  await flow.approve();
  const pin = await waitFor(() => states.find((s): s is Extract<FlowState, { step: 'pin' }> => s.step === 'pin')?.pin, 'the PIN');
  await waitFor(() => (states.some((s) => s.step === 'pin' && s.connection === 'live') ? true : undefined), 'the channel open');
  flow.dispose(); // the popup closes
  return { store, deps, page, qrToken, pin };
}

function resume(pending: PendingSignIn, deps: LinkFlowDeps): FlowState[] {
  const states: FlowState[] = [];
  disposers.push(resumeLinkFlow(pending, deps, (s) => states.push(s)).dispose);
  return states;
}

describe('a QR sign-in across popup openings', () => {
  it('keeps the PIN step while the popup is closed, in session storage only', async () => {
    const { store, pin } = await signInUntilPopupCloses();
    expect(await loadPendingSignIn(store, site.clock.ms)).toMatchObject({ origin: site.url, pin, attemptsLeft: 5 });
  });

  it('shows a fresh PIN with the attempts left after a wrong entry, and the ending after the right one', async () => {
    const { store, deps, page, qrToken, pin } = await signInUntilPopupCloses();
    expect((await page.post('/api/pin/verify', { qrToken, pin: pin === '000000' ? '111111' : '000000' })).status).toBe(401);

    const states = resume((await loadPendingSignIn(store, site.clock.ms))!, deps);
    expect(states[0]).toMatchObject({ step: 'pin', pin, resumed: true });
    // The PIN made while no popup was open never reached it: the site sends a new one as the channel is rejoined.
    const fresh = await waitFor(() => states.find((s) => s.step === 'pin' && s.pin !== pin) as Extract<FlowState, { step: 'pin' }> | undefined, 'a fresh PIN');
    expect(fresh).toMatchObject({ attemptsLeft: 4, notice: 'The PIN typed on the page was wrong (4 attempts left). Enter this new PIN.' });
    expect(await loadPendingSignIn(store, site.clock.ms)).toMatchObject({ pin: fresh.pin, attemptsLeft: 4 });

    expect((await page.post('/api/pin/verify', { qrToken, pin: fresh.pin })).status).toBe(200);
    await waitFor(() => (states.at(-1)?.step === 'ended' ? true : undefined), 'the ending');
    expect(states.at(-1)).toMatchObject({ outcome: 'signed-in' });
    expect(await store.get(pendingSignInItem.key)).toBeUndefined();
  });

  it('says the sign-in is over when it ended while the popup was closed, and forgets it', async () => {
    const { store, deps, page, qrToken, pin } = await signInUntilPopupCloses();
    expect((await page.post('/api/pin/verify', { qrToken, pin })).status).toBe(200);
    const states = resume((await loadPendingSignIn(store, site.clock.ms))!, deps);
    await waitFor(() => (states.at(-1)?.step === 'ended' ? true : undefined), 'the ending');
    expect(states.at(-1)).toMatchObject({ outcome: 'expired', message: expect.stringContaining(`The sign-in to ${site.url} is over`) });
    expect(await store.get(pendingSignInItem.key)).toBeUndefined();
  });

  it('drops a stored sign-in older than any the site keeps', async () => {
    const { store } = await signInUntilPopupCloses();
    expect(await loadPendingSignIn(store, site.clock.ms + 10 * 60_000)).toBeNull();
    expect(await store.get(pendingSignInItem.key)).toBeUndefined();
  });
});
