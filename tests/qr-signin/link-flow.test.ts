// The extension's QR sign-in flow without a screen, against the real demo site (HTTP and WebSocket on loopback) and a
// real vault: the page's QR, approval, the PIN and its replacements, and every way it can end.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { createLinkFlow, type LinkFlow } from '../../extension/qr-signin/link-flow';
import type { FlowState } from '../../extension/qr-signin/flow-state';
import { signUpWithTotp, type TestSite } from '../site/support/site';
import { unlockedHarness, type Harness } from '../extension/support/vault-fixture';
import { CHROME_UA, issueSigninQr, createPageClient, createRecordingFetch, startQrSite } from './support/qr-site';

const EMAIL = 'grace@example.com';
let site: TestSite;
let flows: LinkFlow[] = [];
afterEach(async () => {
  flows.splice(0).forEach((flow) => flow.dispose());
  await site?.close();
});

interface Run { flow: LinkFlow; states: FlowState[]; urls: string[]; until(step: FlowState['step']): Promise<FlowState> }

function startFlow(harness: Harness, text: string, tabUrl = `${site.url}/signin`): Run {
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

/** A user with TOTP on the site, and a vault holding that account bound to the site. */
async function userWithVault(sites = ['127.0.0.1']) {
  site = await startQrSite();
  const secret = await signUpWithTotp(site, site.client(), EMAIL);
  const harness = await unlockedHarness();
  await harness.vault.add([{ type: 'totp', issuer: 'Tessera Demo', account: EMAIL, secret, algorithm: 'SHA1', digits: 6, period: 30, counter: 0, sites }]);
  return { secret, harness };
}

async function toPin(run: Run) {
  await run.flow.start();
  await run.flow.approve();
  return run.until('pin') as Promise<Extract<FlowState, { step: 'pin' }>>;
}

const pinShown = (run: Run) => (run.states.at(-1) as Extract<FlowState, { step: 'pin' }>).pin;

describe('QR sign-in from the extension', () => {
  it('asks first, then shows a PIN that signs the page in, and ends with "Signed in"', async () => {
    const { harness } = await userWithVault();
    const page = createPageClient(site);
    const { qrLink, qrToken } = await issueSigninQr(page);
    const run = startFlow(harness, qrLink);
    await run.flow.start();
    expect(run.states.at(-1)).toMatchObject({ step: 'choose', origin: site.url, accounts: [{ account: EMAIL }] });
    expect(run.urls).toEqual([]); // nothing sent before approval

    const pin = await toPin(run);
    expect(pin.pin).toMatch(/^\d{6}$/);
    expect(run.urls).toEqual([`${site.url}/api/qr/scan`]);
    await waitFor(() => (run.states.at(-1) as { connection?: string }).connection === 'live');
    const verified = await page.post('/api/pin/verify', { qrToken, pin: pin.pin });
    expect(verified.status).toBe(200);
    expect(await run.until('ended')).toEqual({ step: 'ended', outcome: 'signed-in', origin: site.url, message: `Signed in to ${site.url}. You can close this.` });
    expect((await page.get('/api/me')).body.user.email).toBe(EMAIL);
  });

  it('shows a fresh PIN after a wrong one with the attempts left, and locks after the fifth', async () => {
    const { harness } = await userWithVault();
    const page = createPageClient(site);
    const { qrLink, qrToken } = await issueSigninQr(page);
    const run = startFlow(harness, qrLink);
    const first = await toPin(run);
    await waitFor(() => (run.states.at(-1) as { connection?: string }).connection === 'live');
    const wrong = first.pin === '000000' ? '111111' : '000000';
    expect((await page.post('/api/pin/verify', { qrToken, pin: wrong })).status).toBe(401);
    await waitFor(() => pinShown(run) !== first.pin);
    expect(run.states.at(-1)).toMatchObject({ attemptsLeft: 4, notice: 'The PIN typed on the page was wrong (4 attempts left). Enter this new PIN.' });
    for (let i = 0; i < 4; i++) {
      const shown = pinShown(run);
      await page.post('/api/pin/verify', { qrToken, pin: shown === '000000' ? '111111' : '000000' });
      if (i < 3) await waitFor(() => run.states.at(-1)?.step !== 'pin' || pinShown(run) !== shown);
    }
    expect(await run.until('ended')).toMatchObject({ outcome: 'locked', message: expect.stringContaining('Too many wrong PINs') });
  });

  it('replaces an expired PIN in real time without counting an attempt', async () => {
    const { harness } = await userWithVault();
    const page = createPageClient(site);
    const { qrLink, qrToken } = await issueSigninQr(page);
    const run = startFlow(harness, qrLink);
    const first = await toPin(run);
    await waitFor(() => (run.states.at(-1) as { connection?: string }).connection === 'live');
    site.clock.advance(121_000);
    // The page's late PIN brings the site up to date with its clock: the PIN is replaced and pushed.
    expect((await page.post('/api/pin/verify', { qrToken, pin: first.pin })).status).toBe(401);
    await waitFor(() => pinShown(run) !== first.pin);
    expect(run.states.at(-1)).toMatchObject({ attemptsLeft: 5, notice: 'The last PIN expired. Enter this new PIN.' });
    expect((await page.post('/api/pin/verify', { qrToken, pin: pinShown(run) })).status).toBe(200);
    expect(await run.until('ended')).toMatchObject({ outcome: 'signed-in' });
  });
});

describe('QR sign-in refusals, each in words', () => {
  it('refuses a QR relayed onto another origin and sends nothing', async () => {
    const { harness } = await userWithVault();
    const { qrLink } = await issueSigninQr(createPageClient(site));
    const relayedOn = site.url.replace('127.0.0.1', 'localhost');
    const run = startFlow(harness, qrLink, `${relayedOn}/login`);
    await run.flow.start();
    expect(run.states.at(-1)).toEqual({
      step: 'ended', outcome: 'refused', origin: null,
      message: `This QR code is for ${site.url}, but it is shown on ${relayedOn}. Another site may be relaying it to sign in as you: nothing was sent.`,
    });
    expect(run.urls).toEqual([]);
  });

  it('says when no account is bound to the site, and sends nothing', async () => {
    const { harness } = await userWithVault(['example.com']);
    const run = startFlow(harness, (await issueSigninQr(createPageClient(site))).qrLink);
    await run.flow.start();
    expect(run.states.at(-1)).toMatchObject({ outcome: 'refused', message: `No account in Tessera is set to sign in to ${site.url}. Add the site to an account first.` });
    expect(run.urls).toEqual([]);
  });

  it('says Tessera is locked, and sends nothing', async () => {
    const { harness } = await userWithVault();
    await harness.vault.lock();
    const run = startFlow(harness, (await issueSigninQr(createPageClient(site))).qrLink);
    await run.flow.start();
    expect(run.states.at(-1)).toMatchObject({ outcome: 'failed', message: 'Tessera is locked: unlock it, then scan the QR code again.' });
    expect(run.urls).toEqual([]);
  });

  it('says Tessera is locked when it locked while the question was on screen', async () => {
    const { harness } = await userWithVault();
    const run = startFlow(harness, (await issueSigninQr(createPageClient(site))).qrLink);
    await run.flow.start();
    await harness.vault.lock();
    await run.flow.approve();
    expect(run.states.at(-1)).toMatchObject({ outcome: 'failed', message: 'Tessera is locked: unlock it, then scan the QR code again.' });
    expect(run.urls).toEqual([]);
  });

  it('says a QR code works once when it was already scanned', async () => {
    const { harness } = await userWithVault();
    const { qrLink } = await issueSigninQr(createPageClient(site));
    await toPin(startFlow(harness, qrLink));
    site.clock.advance(30_000); // the first scan used this step's code
    const second = startFlow(harness, qrLink);
    await second.flow.start();
    await second.flow.approve();
    expect(second.states.at(-1)).toMatchObject({ outcome: 'failed', message: 'This QR code was already scanned: it works only once. Scan the new QR code the page shows.' });
  });

  it('says the QR code expired', async () => {
    const { harness } = await userWithVault();
    const run = startFlow(harness, (await issueSigninQr(createPageClient(site))).qrLink);
    await run.flow.start();
    site.clock.advance(3 * 60_000);
    await run.flow.approve();
    expect(run.states.at(-1)).toMatchObject({ outcome: 'failed', message: 'This QR code has expired or was replaced. Scan the QR code the page shows now, or generate a new one.' });
  });

  it('says the site did not accept the account when the key is not the one the site knows', async () => {
    site = await startQrSite();
    await signUpWithTotp(site, site.client(), EMAIL);
    const harness = await unlockedHarness();
    await harness.vault.add([{ type: 'totp', issuer: 'Old phone', account: EMAIL, secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, sites: ['127.0.0.1'] }]);
    const run = startFlow(harness, (await issueSigninQr(createPageClient(site))).qrLink);
    await run.flow.start();
    await run.flow.approve();
    expect(run.states.at(-1)).toMatchObject({ outcome: 'failed', message: `${site.url} did not accept this account or its code. Check that you chose the right account, then scan a new QR code.` });
  });

  it('says the site cannot be reached when the network is down', async () => {
    const { harness } = await userWithVault();
    const { qrLink } = await issueSigninQr(createPageClient(site));
    const origin = site.url;
    const run = startFlow(harness, qrLink);
    await run.flow.start();
    await site.close();
    await run.flow.approve();
    expect(run.states.at(-1)).toMatchObject({ outcome: 'failed', message: `Could not reach ${origin}: the network may be down. Check the connection and scan again.` });
    site = await startQrSite(); // for afterEach
  });

  it('explains a damaged QR code without sending anything', async () => {
    const { harness } = await userWithVault();
    const run = startFlow(harness, `tessera:signin?o=${encodeURIComponent(site.url)}&t=short`);
    await run.flow.start();
    expect(run.states.at(-1)).toMatchObject({ outcome: 'refused', message: expect.stringContaining('damaged') });
    expect(run.urls).toEqual([]);
  });

  it('uses the account the user chose when several fit', async () => {
    const { harness } = await userWithVault();
    await harness.vault.add([{ type: 'totp', issuer: 'Demo (work)', account: 'work@example.com', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, sites: ['127.0.0.1'] }]);
    const pickAndApprove = async (email: string) => {
      const run = startFlow(harness, (await issueSigninQr(createPageClient(site))).qrLink);
      await run.flow.start();
      const choose = run.states.at(-1) as Extract<FlowState, { step: 'choose' }>;
      expect(choose.accounts.map((a) => a.account).sort()).toEqual([EMAIL, 'work@example.com']);
      run.flow.choose(choose.accounts.find((a) => a.account === email)!.id);
      await run.flow.approve();
      return run.states.at(-1);
    };
    // The work account is not known to the site: choosing it is refused, choosing the right one gets a PIN.
    expect(await pickAndApprove('work@example.com')).toMatchObject({ outcome: 'failed', message: expect.stringContaining('did not accept this account') });
    expect(await pickAndApprove(EMAIL)).toMatchObject({ step: 'pin' });
  });
});

async function waitFor(check: () => boolean) {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}
