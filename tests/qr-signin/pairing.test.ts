// Single-scan pairing at enrolment: the extension receives the site's pending key and keeps it bound to the site;
// the code it then shows turns two-factor sign-in on.
import { afterEach, describe, expect, it } from 'vitest';
import { generateCode } from '#shared/otp/index.ts';
import { createLinkFlow } from '../../extension/qr-signin/link-flow';
import type { FlowState } from '../../extension/qr-signin/flow-state';
import type { TestSite } from '../site/support/site';
import { unlockedHarness, type Harness } from '../extension/support/vault-fixture';
import { CHROME_UA, issuePairingQr, createRecordingFetch, startQrSite } from './support/qr-site';

let site: TestSite;
afterEach(async () => site?.close());

async function pair(harness: Harness, text: string, tabUrl = `${site.url}/mfa`) {
  const states: FlowState[] = [];
  const { fetchFn, urls } = createRecordingFetch();
  const flow = createLinkFlow({ text, tabUrl }, { vault: harness.vault, userAgent: CHROME_UA, fetchFn, now: () => site.clock.ms }, (s) => states.push(s));
  await flow.start();
  return { last: states.at(-1), urls };
}

describe('single-scan pairing', () => {
  it('adds the account bound to the site at once, and its code turns two-factor sign-in on', async () => {
    site = await startQrSite();
    const harness = await unlockedHarness();
    const { page, issued } = await issuePairingQr(site, 'henry@example.com');
    const { last } = await pair(harness, issued.qrLink);
    expect(last).toMatchObject({ step: 'ended', outcome: 'paired', origin: site.url });
    expect((last as { message: string }).message).toMatch(/^Paired with 127\.0\.0\.1: enter the code Tessera shows/);

    const [account] = await harness.vault.list();
    expect(account).toMatchObject({ type: 'totp', account: 'henry@example.com', sites: ['127.0.0.1'] });
    const activated = await page.post('/api/mfa/totp/activate', { code: generateCode(account, Math.floor(site.clock.ms / 1000)) });
    expect(activated.status).toBe(200);
    expect(activated.body).toEqual({ mfaEnabled: true });
  });

  it('works once: a second scan of the same pairing QR adds nothing and says so', async () => {
    site = await startQrSite();
    const harness = await unlockedHarness();
    const { issued } = await issuePairingQr(site, 'ida@example.com');
    await pair(harness, issued.qrLink);
    const again = await pair(harness, issued.qrLink);
    expect(again.last).toMatchObject({ outcome: 'failed', message: 'This QR code was already scanned: it works only once. Scan the new QR code the page shows.' });
    expect(await harness.vault.list()).toHaveLength(1);
  });

  it('does not make a twin when the key is already in Tessera: that account now fills on the site too', async () => {
    site = await startQrSite();
    const harness = await unlockedHarness();
    const { page, issued } = await issuePairingQr(site, 'june@example.com');
    const mfa = await page.get('/mfa');
    const secret = /data-secret="([A-Z2-7]+)"/.exec(mfa.text)?.[1] ?? /([A-Z2-7]{32,})/.exec(mfa.text)?.[1];
    expect(secret).toBeTruthy();
    await harness.vault.add([{ type: 'totp', issuer: 'Typed by hand', account: 'june', secret: secret!, algorithm: 'SHA1', digits: 6, period: 30, counter: 0, sites: ['example.com'] }]);
    const { last } = await pair(harness, issued.qrLink);
    expect((last as { message: string }).message).toMatch(/^Paired with 127\.0\.0\.1: enter the code Tessera shows \(.*already in Tessera/);
    const accounts = await harness.vault.list();
    expect(accounts).toHaveLength(1);
    expect(accounts[0].sites).toEqual(['example.com', '127.0.0.1']);
  });

  it('refuses a pairing QR shown on another origin, and sends nothing', async () => {
    site = await startQrSite();
    const harness = await unlockedHarness();
    const { issued } = await issuePairingQr(site, 'kim@example.com');
    const { last, urls } = await pair(harness, issued.qrLink, 'https://evil.example/enrol');
    expect(last).toMatchObject({ outcome: 'refused', message: expect.stringContaining('but it is shown on https://evil.example') });
    expect(urls).toEqual([]);
    expect(await harness.vault.list()).toEqual([]);
  });

  it('says Tessera is locked and adds nothing', async () => {
    site = await startQrSite();
    const harness = await unlockedHarness();
    await harness.vault.lock();
    const { issued } = await issuePairingQr(site, 'lee@example.com');
    const { last, urls } = await pair(harness, issued.qrLink);
    expect(last).toMatchObject({ outcome: 'failed', message: 'Tessera is locked: unlock it, then scan the QR code again.' });
    expect(urls).toEqual([]);
  });
});
