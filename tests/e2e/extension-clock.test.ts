// A wrong clock in the real popup: the page's server says it is five minutes later than this machine thinks (the
// server's Date header is moved, as the machine's clock cannot be), the popup says so with the offset, and corrects
// codes only once the user agrees; a clock set right afterwards makes it say the correction is wrong.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateCode } from '#shared/otp/index.ts';
import { startCaptureRig, type CaptureRig } from '../support/qr-capture';
import { setupPage } from '../support/qr-pages';
import { clickButton, popupText, readShownCode, waitForText, waitInPopup } from '../support/popup-driver';
import { openActionPopup, type ActionPopup } from '../support/extension-action';
import { addManually, createVault, totp } from './extension-helpers';

// Browser starts and Argon2id steps are slow on a shared, loaded CPU: time enough for them, not a failure on time.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

const FIVE_MINUTES = 5 * 60_000;
const account = totp('JBSWY3DPEHPK3PXPJBSWY3DP', 'Acme Bank', 'alice');
const serverClock = { offsetMs: FIVE_MINUTES };
let rig: CaptureRig;

beforeAll(async () => {
  rig = await startCaptureRig({
    '/login': setupPage('Acme Bank: enter your code', '<form><label for="code">Verification code</label> <input id="code" autocomplete="one-time-code"></form>'),
  }, { serverClockOffsetMs: () => serverClock.offsetMs });
  const setup = await rig.browser.context.newPage();
  await setup.goto(`chrome-extension://${rig.extensionId}/popup.html`);
  await createVault(setup);
  await addManually(setup, { secret: account.secret, issuer: account.issuer, account: account.account });
  await setup.getByRole('button', { name: 'Edit Acme Bank: alice' }).click();
  await setup.fill('#edit-sites', 'acme-bank.com');
  await setup.getByRole('button', { name: 'Save' }).click();
  await setup.getByText('Saved Acme Bank: alice.').waitFor();
  await setup.close();
});
afterAll(() => rig?.close());

async function openPopup(): Promise<ActionPopup> {
  await rig.page.goto(rig.server.url('/login', 'login.acme-bank.com'));
  const popup = await openActionPopup(rig.cdp, rig.extensionId, rig.page);
  await waitForText(popup, 'alice');
  return popup;
}

/** The codes of the account around `atMs` (a step may end while the popup is read). */
function codesNear(atMs: number): string[] {
  return [-2_000, 0, 2_000].map((delta) => generateCode(account, (atMs + delta) / 1000));
}

describe('a wrong clock', () => {
  it('is named with its offset, and codes follow the server\'s time only after the user agrees', async () => {
    const popup = await openPopup();
    try {
      await waitForText(popup, 'Your clock is wrong');
      const text = await popupText(popup);
      expect(text).toMatch(/Your computer's clock is (4 min 59 s|5 min|5 min 1 s) behind acme-bank\.com: sites will refuse the codes it makes/);
      // Until the user says yes, codes are made from the machine's clock.
      expect(codesNear(Date.now())).toContain(await readShownCode(popup, 'Acme Bank: alice'));

      await clickButton(popup, (text.match(/Correct codes by [^\n]+/) ?? [''])[0].trim());
      await waitForText(popup, 'Codes are corrected for a clock');
      await waitInPopup(popup, `!document.body.innerText.includes('Your clock is wrong')`, 'the warning to go');
      expect(codesNear(Date.now() + FIVE_MINUTES)).toContain(await readShownCode(popup, 'Acme Bank: alice'));

      // Fill puts in the corrected code.
      await clickButton(popup, 'Fill code for Acme Bank: alice');
      await waitForText(popup, 'Filled the code for Acme Bank: alice on acme-bank.com.');
      expect(codesNear(Date.now() + FIVE_MINUTES)).toContain(await rig.page.inputValue('#code'));
    } finally {
      await popup.close();
    }
    // The correction is kept: the next opening shows corrected codes at once.
    const again = await openPopup();
    try {
      await waitForText(again, 'Codes are corrected for a clock');
      expect(codesNear(Date.now() + FIVE_MINUTES)).toContain(await readShownCode(again, 'Acme Bank: alice'));
    } finally {
      await again.close();
    }
  });

  it('says the correction is wrong once the clock is right, and stops correcting when told', async () => {
    serverClock.offsetMs = 0;
    const popup = await openPopup();
    try {
      await waitForText(popup, 'the corrected codes are wrong');
      await clickButton(popup, 'Stop correcting');
      await waitInPopup(popup, `!document.body.innerText.includes('corrected')`, 'the correction notice to go');
      expect(codesNear(Date.now())).toContain(await readShownCode(popup, 'Acme Bank: alice'));
    } finally {
      await popup.close();
    }
  });
});
