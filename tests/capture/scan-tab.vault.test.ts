// With the vault unlocked, a scanned secret it already holds is flagged with that account's id, so the popup can
// offer to update it instead of adding a twin; with the vault locked, nothing is flagged (or revealed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AccountFinding, ScanResult } from '../../extension/capture/types';
import { startCaptureRig, type CaptureRig } from '../support/qr-capture';
import { corpusAccount, corpusUri, qrImageHtml, setupPage } from '../support/qr-pages';
import { bundleModule } from './bundle-module';

const PASSWORD = 'amber tiger ladder 42';
const known = corpusAccount(501, 'Example Bank', 'alice');
let rig: CaptureRig;
let extensionPage: Page;
let knownId: string;

const vaultCall = <T>(body: string): Promise<T> => extensionPage.evaluate(`(async () => {
  const api = globalThis.TesseraVault;
  const vault = api.openVault();
  ${body}
})()`);

beforeAll(async () => {
  const qrs = await Promise.all([qrImageHtml({ text: corpusUri(501, 'Example Bank', 'alice'), module: 3 }), qrImageHtml({ text: corpusUri(502), module: 3 })]);
  rig = await startCaptureRig({ '/two': setupPage('Two codes', `<div class="row">${qrs.join('')}</div>`) });
  // The real vault code, in an extension page of its own (same database, same session key as the worker's).
  extensionPage = await rig.browser.context.newPage();
  await extensionPage.goto(`chrome-extension://${rig.extensionId}/options.html`);
  await extensionPage.evaluate(await bundleModule('extension/vault/index.ts', 'TesseraVault'));
  knownId = await vaultCall<string>(`
    await vault.create(${JSON.stringify(PASSWORD)});
    const [added] = await vault.add([${JSON.stringify({ ...known, issuer: 'My bank', sites: [] })}]);
    return added.id;`);
});
afterAll(() => rig?.close());

describe('scan-tab against the vault', () => {
  it('flags the account whose secret the vault already holds, with its id, and only that one', async () => {
    const { response } = await rig.scan<ScanResult>('/two');
    const [first, second] = response.findings as AccountFinding[];
    expect(first.existingId).toBe(knownId);
    expect(first.account).toMatchObject({ secret: known.secret, existingId: knownId, sites: ['example.com'] });
    expect(second.kind).toBe('account');
    expect(second.existingId).toBeUndefined();
  });

  it('flags nothing while the vault is locked', async () => {
    await vaultCall('await vault.lock();');
    const { response } = await rig.scan<ScanResult>('/two');
    expect(response.findings.map((f) => (f as AccountFinding).existingId)).toEqual([undefined, undefined]);
  });
});
