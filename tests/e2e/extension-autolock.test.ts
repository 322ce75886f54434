import { describe, it, expect } from 'vitest';
import { launchExtension, createVault, addManually } from './extension-helpers';

// The page's clock is faked (Playwright's clock): the idle time is counted from the last use by that clock.
describe('auto-lock', () => {
  it('locks an open popup after the idle time, counted from the last use, down to a password field', async () => {
    const ext = await launchExtension();
    try {
      const setup = await ext.open('popup');
      await createVault(setup);
      await addManually(setup, { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', issuer: 'Idleco', account: 'ida@example.com' });
      await setup.close();
      const options = await ext.open('options');
      await options.getByLabel('Lock after being idle for').selectOption({ label: '1 minute' });
      await options.getByText('Saved.').waitFor();
      await options.close();

      const popup = await ext.browser.context.newPage();
      await popup.clock.install();
      await popup.goto(`chrome-extension://${ext.id}/popup.html`);
      const copy = popup.getByRole('button', { name: 'Copy code for Idleco: ida@example.com' });
      await copy.waitFor();
      await popup.clock.fastForward(45_000);
      await copy.click();
      await popup.getByText('Copied the code').waitFor();
      // 61 s after opening, but only 16 s after the copy: still unlocked.
      await popup.clock.fastForward(16_000);
      await popup.clock.fastForward(15_000);
      await popup.waitForTimeout(500); // real time for the page's checks (storage reads) to finish
      await expect(copy.isVisible()).resolves.toBe(true);
      await popup.clock.fastForward(35_000);
      await popup.getByLabel('Master password').waitFor();
      await expect(popup.getByRole('list').count()).resolves.toBe(0);
      await expect(popup.getByText('Idleco').count()).resolves.toBe(0);
    } finally {
      await ext.browser.close();
    }
  });
});
