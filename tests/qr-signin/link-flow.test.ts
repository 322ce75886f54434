// The extension's QR sign-in flow without a screen, against the real demo site (HTTP and WebSocket on loopback) and a
// real vault: the page's QR, approval, the PIN, its replacements after a wrong or late entry, and the lock.
import { afterEach, describe, expect, it } from 'vitest';
import type { TestSite } from '../site/support/site';
import type { Harness } from '../extension/support/vault-fixture';
import { issueSigninQr, createPageClient } from './support/qr-site';
import { disposeFlows, EMAIL, isLive, readPin, runToPin, startFlow, startUserWithVault, waitUntil } from './support/flow-run';

let site: TestSite;
let harness: Harness;
afterEach(async () => {
  disposeFlows();
  await site?.close();
});

describe('QR sign-in from the extension', () => {
  it('asks first, then shows a PIN that signs the page in, and ends with "Signed in"', async () => {
    ({ site, harness } = await startUserWithVault());
    const page = createPageClient(site);
    const { qrLink, qrToken } = await issueSigninQr(page);
    const run = startFlow(site, harness, qrLink);
    await run.flow.start();
    expect(run.states.at(-1)).toMatchObject({ step: 'choose', origin: site.url, accounts: [{ account: EMAIL }] });
    expect(run.urls).toEqual([]); // nothing sent before approval

    const pin = await runToPin(run);
    expect(pin.pin).toMatch(/^\d{6}$/);
    expect(run.urls).toEqual([`${site.url}/api/qr/scan`]);
    await waitUntil(() => isLive(run));
    const verified = await page.post('/api/pin/verify', { qrToken, pin: pin.pin });
    expect(verified.status).toBe(200);
    expect(await run.until('ended')).toEqual({ step: 'ended', outcome: 'signed-in', origin: site.url, message: `Signed in to ${site.url}. You can close this.` });
    expect((await page.get('/api/me')).body.user.email).toBe(EMAIL);
  });

  it('shows a fresh PIN after a wrong one with the attempts left, and locks after the fifth', async () => {
    ({ site, harness } = await startUserWithVault());
    const page = createPageClient(site);
    const { qrLink, qrToken } = await issueSigninQr(page);
    const run = startFlow(site, harness, qrLink);
    const first = await runToPin(run);
    await waitUntil(() => isLive(run));
    const wrong = first.pin === '000000' ? '111111' : '000000';
    expect((await page.post('/api/pin/verify', { qrToken, pin: wrong })).status).toBe(401);
    await waitUntil(() => readPin(run) !== first.pin);
    expect(run.states.at(-1)).toMatchObject({ attemptsLeft: 4, notice: 'The PIN typed on the page was wrong (4 attempts left). Enter this new PIN.' });
    for (let i = 0; i < 4; i++) {
      const shown = readPin(run);
      await page.post('/api/pin/verify', { qrToken, pin: shown === '000000' ? '111111' : '000000' });
      if (i < 3) await waitUntil(() => run.states.at(-1)?.step !== 'pin' || readPin(run) !== shown);
    }
    expect(await run.until('ended')).toMatchObject({ outcome: 'locked', message: expect.stringContaining('Too many wrong PINs') });
  });

  it('replaces an expired PIN in real time without counting an attempt', async () => {
    ({ site, harness } = await startUserWithVault());
    const page = createPageClient(site);
    const { qrLink, qrToken } = await issueSigninQr(page);
    const run = startFlow(site, harness, qrLink);
    const first = await runToPin(run);
    await waitUntil(() => isLive(run));
    site.clock.advance(121_000);
    // The page's late PIN brings the site up to date with its clock: the PIN is replaced and pushed.
    expect((await page.post('/api/pin/verify', { qrToken, pin: first.pin })).status).toBe(401);
    await waitUntil(() => readPin(run) !== first.pin);
    expect(run.states.at(-1)).toMatchObject({ attemptsLeft: 5, notice: 'The last PIN expired. Enter this new PIN.' });
    expect((await page.post('/api/pin/verify', { qrToken, pin: readPin(run) })).status).toBe(200);
    expect(await run.until('ended')).toMatchObject({ outcome: 'signed-in' });
  });
});
