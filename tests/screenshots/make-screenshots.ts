// The README's screenshots, made from the real build in headless Chromium so they never show an old extension:
// the popup's codes, a scan ("Add ...?" over a set-up page) and a fill (the code in a sign-in page's field).
// `npm run screenshots` writes docs/images/; screenshots.test.ts runs it into a scratch folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import { buildOtpauthUri } from '#shared/otp/index.ts';
import { corpusAccount, qrImageHtml, setupPage } from '../support/qr-pages';
import { startCaptureRig } from '../support/qr-capture';
import { clickButton, fillField, waitForText } from '../support/popup-driver';
import { MASTER_PASSWORD, totp } from '../e2e/extension-helpers';

const bank = corpusAccount(7, 'Example Bank', 'alice@example.com');
const others = [
  totp('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'GitHub', 'octocat'),
  totp('KRSXG5CTMVRXEZLUKN2XAZLSKNSWC4TFOQ', 'Mailbox', 'alice@mail.example'),
  totp('MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U', 'Cloud Console', 'alice'),
];
const SIGN_IN = '<form><label for="code">Code from your authenticator app</label><br>' +
  '<input id="code" autocomplete="one-time-code" inputmode="numeric" style="font-size:20px;padding:6px;width:9em"></form>';

export const SCREENSHOTS = ['popup.png', 'scan.png', 'fill.png'] as const;

export async function makeScreenshots(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const rig = await startCaptureRig({
    '/setup': setupPage('Set up two-factor sign-in', await qrImageHtml({ text: buildOtpauthUri(bank), module: 4 })),
    '/signin': setupPage('Enter your code', SIGN_IN).replace(/<p>Scan this QR code[^<]*<\/p>/, ''),
  });
  try {
    const setup = await rig.browser.context.newPage();
    await setup.goto(`chrome-extension://${rig.extensionId}/options.html`);
    const options = { evaluate: <T>(expression: string) => setup.evaluate(expression) as Promise<T>, click: (x: number, y: number) => setup.mouse.click(x, y), close: () => setup.close() };
    await fillField(options, 'Master password', MASTER_PASSWORD);
    await fillField(options, 'Type it again', MASTER_PASSWORD);
    await clickButton(options, 'Create vault');
    await fillField(options, 'Or paste the exported text', others.map(buildOtpauthUri).join('\n'));
    await clickButton(options, 'Preview import');
    await clickButton(options, `Import ${others.length} accounts`);
    await waitForText(options, `Imported ${others.length} accounts.`);
    await setup.close();

    let popup = await rig.openOn('/setup');
    await clickButton(popup, 'Scan QR code on this page');
    await waitForText(popup, 'Add Example Bank: alice@example.com?');
    writeFileSync(join(dir, 'scan.png'), overlay(await rig.page.screenshot(), await popup.screenshot()));
    await clickButton(popup, 'Add account');
    await waitForText(popup, 'Added Example Bank: alice@example.com.');
    writeFileSync(join(dir, 'popup.png'), await popup.screenshot());
    await popup.close();

    popup = await rig.openOn('/signin');
    await clickButton(popup, 'Fill code for Example Bank: alice@example.com');
    await waitForText(popup, 'Filled the code for Example Bank: alice@example.com on example.com.');
    await popup.evaluate('window.scrollTo(0, 0)'); // the click scrolled its button into the middle
    writeFileSync(join(dir, 'fill.png'), overlay(await rig.page.screenshot(), await popup.screenshot()));
    await popup.close();
  } finally {
    await rig.close();
  }
}

/** The popup drawn where the browser opens it, under the toolbar's right end, with a thin frame. */
function overlay(pageShot: Buffer, popupShot: Buffer): Buffer {
  const page = PNG.sync.read(pageShot);
  const popup = PNG.sync.read(popupShot);
  const left = page.width - popup.width - 24;
  const top = 8;
  for (let y = -1; y <= popup.height; y++) {
    for (let x = -1; x <= popup.width; x++) {
      const target = ((top + y) * page.width + left + x) * 4;
      const inside = x >= 0 && y >= 0 && x < popup.width && y < popup.height;
      const source = inside ? popup.data.subarray((y * popup.width + x) * 4, (y * popup.width + x) * 4 + 4) : [160, 160, 168, 255];
      for (let channel = 0; channel < 4; channel++) page.data[target + channel] = source[channel];
    }
  }
  return PNG.sync.write(page);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const dir = process.argv[2] ?? 'docs/images';
  await makeScreenshots(dir);
  console.log(`Screenshots written to ${dir}: ${SCREENSHOTS.join(', ')}`);
}
