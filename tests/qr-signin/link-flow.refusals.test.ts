// The extension's QR sign-in flow refusing, each time in words a person can act on: a relayed QR, no account for the
// site, a locked vault, a QR already scanned or expired, a code the site does not accept, the network down.
import { afterEach, describe, expect, it } from 'vitest';
import type { TestSite } from '../site/support/site';
import type { Harness } from '../extension/support/vault-fixture';
import { signUpWithTotp } from '../site/support/site';
import { unlockedHarness } from '../extension/support/vault-fixture';
import { issueSigninQr, createPageClient, startQrSite } from './support/qr-site';
import { disposeFlows, EMAIL, runToPin, startFlow, startUserWithVault } from './support/flow-run';
import type { FlowState } from '../../extension/qr-signin/flow-state';

let site: TestSite;
let harness: Harness;
afterEach(async () => {
  disposeFlows();
  await site?.close();
});

describe('QR sign-in refusals, each in words', () => {
  it('refuses a QR relayed onto another origin and sends nothing', async () => {
    ({ site, harness } = await startUserWithVault());
    const { qrLink } = await issueSigninQr(createPageClient(site));
    const relayedOn = site.url.replace('127.0.0.1', 'localhost');
    const run = startFlow(site, harness, qrLink, `${relayedOn}/login`);
    await run.flow.start();
    expect(run.states.at(-1)).toEqual({
      step: 'ended', outcome: 'refused', origin: null,
      message: `This QR code is for ${site.url}, but it is shown on ${relayedOn}. Another site may be relaying it to sign in as you: nothing was sent.`,
    });
    expect(run.urls).toEqual([]);
  });

  it('says when no account is bound to the site, and sends nothing', async () => {
    ({ site, harness } = await startUserWithVault(['example.com']));
    const run = startFlow(site, harness, (await issueSigninQr(createPageClient(site))).qrLink);
    await run.flow.start();
    expect(run.states.at(-1)).toMatchObject({ outcome: 'refused', message: `No account in Tessera is set to sign in to ${site.url}. Add the site to an account first.` });
    expect(run.urls).toEqual([]);
  });

  it('says Tessera is locked, and sends nothing', async () => {
    ({ site, harness } = await startUserWithVault());
    await harness.vault.lock();
    const run = startFlow(site, harness, (await issueSigninQr(createPageClient(site))).qrLink);
    await run.flow.start();
    expect(run.states.at(-1)).toMatchObject({ outcome: 'failed', message: 'Tessera is locked: unlock it, then scan the QR code again.' });
    expect(run.urls).toEqual([]);
  });

  it('says Tessera is locked when it locked while the question was on screen', async () => {
    ({ site, harness } = await startUserWithVault());
    const run = startFlow(site, harness, (await issueSigninQr(createPageClient(site))).qrLink);
    await run.flow.start();
    await harness.vault.lock();
    await run.flow.approve();
    expect(run.states.at(-1)).toMatchObject({ outcome: 'failed', message: 'Tessera is locked: unlock it, then scan the QR code again.' });
    expect(run.urls).toEqual([]);
  });

  it('says a QR code works once when it was already scanned', async () => {
    ({ site, harness } = await startUserWithVault());
    const { qrLink } = await issueSigninQr(createPageClient(site));
    await runToPin(startFlow(site, harness, qrLink));
    site.clock.advance(30_000); // the first scan used this step's code
    const second = startFlow(site, harness, qrLink);
    await second.flow.start();
    await second.flow.approve();
    expect(second.states.at(-1)).toMatchObject({ outcome: 'failed', message: 'This QR code was already scanned: it works only once. Scan the new QR code the page shows.' });
  });

  it('says the QR code expired', async () => {
    ({ site, harness } = await startUserWithVault());
    const run = startFlow(site, harness, (await issueSigninQr(createPageClient(site))).qrLink);
    await run.flow.start();
    site.clock.advance(3 * 60_000);
    await run.flow.approve();
    expect(run.states.at(-1)).toMatchObject({ outcome: 'failed', message: 'This QR code has expired or was replaced: use the QR code the page shows now, or generate a new one.' });
  });

  it('says the site did not accept the account when the key is not the one the site knows', async () => {
    site = await startQrSite();
    await signUpWithTotp(site, site.client(), EMAIL);
    harness = await unlockedHarness();
    await harness.vault.add([{ type: 'totp', issuer: 'Old phone', account: EMAIL, secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, sites: ['127.0.0.1'] }]);
    const run = startFlow(site, harness, (await issueSigninQr(createPageClient(site))).qrLink);
    await run.flow.start();
    await run.flow.approve();
    expect(run.states.at(-1)).toMatchObject({ outcome: 'failed', message: `${site.url} did not accept this account or its code. Check that you chose the right account, then scan a new QR code.` });
  });

  it('says the site cannot be reached when the network is down', async () => {
    ({ site, harness } = await startUserWithVault());
    const { qrLink } = await issueSigninQr(createPageClient(site));
    const origin = site.url;
    const run = startFlow(site, harness, qrLink);
    await run.flow.start();
    await site.close();
    await run.flow.approve();
    expect(run.states.at(-1)).toMatchObject({ outcome: 'failed', message: `Could not reach ${origin}: the network may be down. Check the connection and scan again.` });
    site = await startQrSite(); // for afterEach
  });

  it('explains a damaged QR code without sending anything', async () => {
    ({ site, harness } = await startUserWithVault());
    const run = startFlow(site, harness, `tessera:signin?o=${encodeURIComponent(site.url)}&t=short`);
    await run.flow.start();
    expect(run.states.at(-1)).toMatchObject({ outcome: 'refused', message: expect.stringContaining('damaged') });
    expect(run.urls).toEqual([]);
  });

  it('uses the account the user chose when several fit', async () => {
    ({ site, harness } = await startUserWithVault());
    await harness.vault.add([{ type: 'totp', issuer: 'Demo (work)', account: 'work@example.com', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, sites: ['127.0.0.1'] }]);
    const pickAndApprove = async (email: string) => {
      const run = startFlow(site, harness, (await issueSigninQr(createPageClient(site))).qrLink);
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
