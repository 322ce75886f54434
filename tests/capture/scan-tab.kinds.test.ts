// What the QR holds decides what the popup is told: a web link is named, an export's batch progress is kept
// across scans, a Tessera link is handed on, a broken otpauth URI says what is wrong, and bad requests are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeMigrationUris } from '#shared/otp/index.ts';
import type { MigrationFinding, ScanResult } from '../../extension/capture/types';
import { startCaptureRig, type CaptureRig } from '../support/qr-capture';
import { corpusAccount, qrImageHtml, setupPage } from '../support/qr-pages';

const exportAccounts = Array.from({ length: 18 }, (_, i) => corpusAccount(100 + i, 'Example Mail', `box${i}@example.com`));
const exportUris = encodeMigrationUris(exportAccounts, 31337).uris;
const page = async (text: string, module = 3) => setupPage('Scan me', await qrImageHtml({ text, module }));

let rig: CaptureRig;

beforeAll(async () => {
  expect(exportUris).toHaveLength(3);
  rig = await startCaptureRig({
    '/link': await page('https://example.org/welcome?ref=abc123'),
    '/export-1': await page(exportUris[0], 2),
    '/export-3': await page(exportUris[2], 2),
    '/tessera': await page('tessera:site?origin=example.com&nonce=1234'),
    '/broken': await page('otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&digits=9'),
    '/plain': await page('otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example'),
    '/elsewhere': setupPage('Another page', '<p>No code here.</p>'),
  });
});
afterAll(() => rig?.close());

describe('what a scanned QR code leads to', () => {
  it('names a web link by its address, and says it is not an authenticator code', async () => {
    const { response } = await rig.scan<ScanResult>('/link');
    expect(response.findings).toEqual([{ kind: 'not-authenticator', message: 'This QR code is a link to https://example.org/welcome?…: not an authenticator code.' }]);
  });

  it('imports an export\'s accounts and counts its QR codes across scans, "QR 2 of 3 read"', async () => {
    const first = (await rig.scan<ScanResult>('/export-1')).response.findings[0] as MigrationFinding;
    expect(first).toMatchObject({ kind: 'migration', batchId: 31337, batchIndex: 0, batchSize: 3, progress: { read: [0], message: 'QR 1 of 3 read: still to scan QR 2, QR 3.' } });
    const third = (await rig.scan<ScanResult>('/export-3')).response.findings[0] as MigrationFinding;
    expect(third.progress).toEqual({ batchId: 31337, size: 3, read: [0, 2], message: 'QR 2 of 3 read: still to scan QR 2.' });
    const all = [...first.accounts, ...third.accounts];
    expect(all.length).toBeGreaterThan(10);
    expect(all.every((account) => exportAccounts.some((a) => a.secret === account.secret))).toBe(true);
    // Shown on example.com, but not example.com's accounts: an export's accounts are bound to no site.
    expect(all.map((account) => account.sites)).toEqual(all.map(() => []));
    // The progress kept in session storage is positions only: no account, no secret.
    const stored = await rig.worker.evaluate(() =>
      (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.storage.session.get('migrationProgress'));
    expect(stored).toEqual({ migrationProgress: { 31337: { size: 3, read: [0, 2] } } });
  });

  it('hands a Tessera site link over untouched', async () => {
    const { response } = await rig.scan<ScanResult>('/tessera');
    expect(response.findings).toEqual([{ kind: 'tessera-link', text: 'tessera:site?origin=example.com&nonce=1234' }]);
  });

  it('passes on what is wrong with a broken otpauth URI, without its secret', async () => {
    const { response } = await rig.scan<ScanResult>('/broken');
    expect(response.findings).toEqual([{ kind: 'invalid-otpauth', code: 'invalid_digits', message: 'digits must be 6, 7 or 8, not 9' }]);
    expect(JSON.stringify(response)).not.toContain('JBSWY3DPEHPK3PXP');
  });

  it('refuses a window that is not the tab\'s, with a message saying what to do', async () => {
    const popup = await rig.openOn('/plain');
    try {
      const response = await popup.evaluate(`(async () => {
        const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
        return chrome.runtime.sendMessage({ type: 'scan-tab', tabId: tab.id, windowId: tab.windowId + 1000 });
      })()`);
      expect(response).toEqual({ error: { code: 'tab_not_visible', message: expect.stringMatching(/open Tessera again on the page/) } });
    } finally {
      await popup.close();
    }
  });

  it('cannot capture once the page has moved on and the click\'s grant has lapsed', async () => {
    const popup = await rig.openOn('/plain');
    try {
      await rig.page.goto(rig.server.url('/elsewhere', 'other.example.net'));
      const response = await popup.evaluate(`(async () => {
        const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
        return chrome.runtime.sendMessage({ type: 'scan-tab', tabId: tab.id, windowId: tab.windowId });
      })()`);
      expect(response).toEqual({ error: { code: 'capture_refused', message: expect.stringMatching(/open Tessera from its toolbar button/) } });
    } finally {
      await popup.close();
    }
  });

  it('offers "Scan QR code on this page" in the context menu, beside the other items', async () => {
    const exists = (id: string) => rig.worker.evaluate((menuId) =>
      (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.contextMenus.update(menuId, {}).then(() => true, () => false), id);
    expect(await exists('tessera-scan-qr')).toBe(true);
    expect(await exists('fill-code')).toBe(true); // autofill's item, added in the same onInstalled
    expect(await exists('no-such-item')).toBe(false);
  });
});
