// "Select an area" from the popup: the popup closes so the page gets the drag, the box is read at full resolution,
// and the result is shown by the popup the background opens again (it also waits for the next click).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { buildOtpauthUri } from '#shared/otp/index.ts';
import { startCaptureRig, type CaptureRig } from '../support/qr-capture';
import { corpusAccount, setupPage } from '../support/qr-pages';
import { attachToOpenPopup } from '../support/extension-action';
import { clickButton, popupText, waitForText } from '../support/popup-driver';
import { createVault } from './extension-helpers';

const OVERLAY = 'tessera-region-select';
let rig: CaptureRig;

beforeAll(async () => {
  rig = await startCaptureRig({ '/settings': setupPage('Security settings', '<p>Your set-up code appears when you click Show.</p>') });
  const setup = await rig.browser.context.newPage();
  await setup.goto(`chrome-extension://${rig.extensionId}/popup.html`);
  await createVault(setup);
  await setup.close();
});
afterAll(() => rig?.close());

async function popupOpen(): Promise<boolean> {
  const { targetInfos } = (await rig.cdp.send('Target.getTargets')) as { targetInfos: { url: string }[] };
  return targetInfos.some((info) => info.url.startsWith(`chrome-extension://${rig.extensionId}/popup.html`));
}

describe('Select an area', () => {
  it('closes the popup for the drag, then shows what the box held when the popup opens again', async () => {
    const popup = await rig.openOn('/settings');
    await clickButton(popup, 'Scan QR code on this page');
    await waitForText(popup, 'No QR code found on this page');
    await clickButton(popup, 'Select an area');
    await expect.poll(popupOpen, { timeout: 5_000 }).toBe(false);
    await rig.page.locator(OVERLAY).waitFor({ state: 'attached', timeout: 10_000 });

    // The code shows up only now (a "Show" button on many sites), small, next to the text.
    const uri = buildOtpauthUri(corpusAccount(777, 'Example', 'boxed@example.com'));
    const src = await QRCode.toDataURL(uri, { scale: 2 });
    await rig.page.evaluate((src) => {
      const img = document.createElement('img');
      Object.assign(img.style, { position: 'absolute', left: '600px', top: '300px' });
      img.src = src;
      img.alt = 'set-up code';
      document.body.append(img);
      return img.decode();
    }, src);
    const box = (await rig.page.locator('img[alt="set-up code"]').boundingBox())!;
    await rig.page.mouse.move(box.x - 12, box.y - 12);
    await rig.page.mouse.down();
    await rig.page.mouse.move(box.x + box.width + 12, box.y + box.height + 12, { steps: 6 });
    await rig.page.mouse.up();

    const reopened = await attachToOpenPopup(rig.cdp, rig.extensionId);
    try {
      await waitForText(reopened, 'Add Example: boxed@example.com?');
      expect(await popupText(reopened)).toMatch(/Fills on\s+example\.com/);
      await clickButton(reopened, 'Add account');
      await waitForText(reopened, 'Added Example: boxed@example.com.');
    } finally {
      await reopened.close();
    }
  });
});
