// "Select an area": the injected script lets the user drag a box (Esc cancels), and the scan reads only that box.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../extension/capture/types';
import { attachToOpenPopup } from '../support/extension-action';
import { startCaptureRig, type CaptureRig } from '../support/qr-capture';
import { buildCorpus } from '../support/qr-pages';
import { expectFound } from './expect-found';

const twoCodes = (await buildCorpus()).find((page) => page.expected.length === 2)!;
const OVERLAY = 'tessera-region-select';
let rig: CaptureRig;

beforeAll(async () => {
  rig = await startCaptureRig({ '/two': twoCodes.html });
});
afterAll(() => rig?.close());

// What the background does: inject the script file, then wait for select() in the page's isolated world.
function selectInTab(): Promise<unknown> {
  return rig.worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    await api.scripting.executeScript({ target: { tabId: tab.id! }, files: ['/region-select.js'] });
    const [result] = await api.scripting.executeScript({
      target: { tabId: tab.id! },
      func: () => (globalThis as unknown as { tesseraRegionSelect: { select(): Promise<unknown> } }).tesseraRegionSelect.select(),
    });
    return result.result;
  });
}

function readPendingScan(): Promise<unknown> {
  return rig.worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    return (await api.storage.session.get('pendingScan')).pendingScan;
  });
}

async function drag(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await rig.page.mouse.move(from.x, from.y);
  await rig.page.mouse.down();
  await rig.page.mouse.move(to.x, to.y, { steps: 6 });
  await rig.page.mouse.up();
}

describe('region select script', () => {
  beforeAll(async () => {
    await (await rig.openOn('/two')).close(); // the click's activeTab grant lets the worker inject the script
  });

  it('resolves to the dragged box in CSS pixels, with the viewport, and takes its overlay away', async () => {
    const selecting = selectInTab();
    await rig.page.locator(OVERLAY).waitFor({ state: 'attached', timeout: 10_000 });
    await drag({ x: 300, y: 200 }, { x: 180, y: 90 }); // dragged up and left: the box is still the same
    expect(await selecting).toEqual({ x: 180, y: 90, width: 120, height: 110, viewportWidth: 1280, viewportHeight: 800, devicePixelRatio: 1 });
    expect(await rig.page.locator(OVERLAY).count()).toBe(0);
  });

  it('resolves to null on Esc, ignoring a click that drew no box', async () => {
    const selecting = selectInTab();
    await rig.page.locator(OVERLAY).waitFor({ state: 'attached', timeout: 10_000 });
    await rig.page.mouse.click(400, 300);
    expect(await rig.page.locator(OVERLAY).count()).toBe(1);
    await rig.page.keyboard.press('Escape');
    expect(await selecting).toBeNull();
    expect(await rig.page.locator(OVERLAY).count()).toBe(0);
  });
});

describe('scan-region', () => {
  const startRegionScan = `(async () => {
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    window.regionScan = chrome.runtime.sendMessage({ type: 'scan-region', tabId: tab.id, windowId: tab.windowId });
    return tab.id;
  })()`;

  it('reads only the code inside the box the user drew, and reopens the popup with the answer waiting', async () => {
    const popup = await rig.openOn('/two');
    await popup.evaluate(startRegionScan);
    await rig.page.locator(OVERLAY).waitFor({ state: 'attached', timeout: 10_000 });
    const second = (await rig.page.locator('img[alt^="QR code"]').nth(1).boundingBox())!;
    // Pressing the mouse on the page closes the popup, as it does for a person: the answer waits in pendingScan.
    await drag({ x: second.x - 10, y: second.y - 10 }, { x: second.x + second.width + 10, y: second.y + second.height + 10 });
    await expect.poll(() => readPendingScan(), { timeout: 10_000 }).not.toBeUndefined();
    const pending = (await readPendingScan()) as { source: string; at: number; response: ScanResult };
    expect(pending.source).toBe('region');
    expectFound(pending.response, [twoCodes.expected[1]]);
    // The background opens the popup again by itself (browser.action.openPopup), and there the answer is waiting.
    const reopened = await attachToOpenPopup(rig.cdp, rig.extensionId);
    try {
      const seen = await reopened.evaluate<{ pendingScan?: { response: ScanResult } }>(`chrome.storage.session.get('pendingScan')`);
      expect(seen.pendingScan?.response).toEqual(pending.response);
    } finally {
      await reopened.close();
      await popup.close();
    }
  });

  it('says "cancelled" when the user presses Esc, and captures nothing', async () => {
    const popup = await rig.openOn('/two');
    try {
      await popup.evaluate(startRegionScan);
      await rig.page.locator(OVERLAY).waitFor({ state: 'attached', timeout: 10_000 });
      await rig.page.keyboard.press('Escape');
      expect(await popup.evaluate('window.regionScan')).toEqual({ cancelled: true });
    } finally {
      await popup.close();
    }
  });
});
