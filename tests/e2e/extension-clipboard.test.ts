import { describe, it, expect } from 'vitest';
import { launchExtension, createVault, addManually, readCode, pasteClipboard } from './extension-helpers';

type Alarm = { name: string; scheduledTime: number };
type ChromeAlarms = { alarms: { get(name: string): Promise<Alarm | undefined>; create(name: string, info: { when: number }): Promise<void> } };

describe('clipboard clearing after the popup closed', () => {
  it('the service worker wipes a copied code 30 s after the copy, with the popup gone', async () => {
    const ext = await launchExtension();
    try {
      const popup = await ext.open('popup');
      await createVault(popup);
      await addManually(popup, { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', issuer: 'Clipco', account: 'cy@example.com' });
      const label = 'Clipco: cy@example.com';
      // The code shown before and after the click: a 30 s period may end between the two.
      const shownBefore = await readCode(popup, label);
      const copiedAt = Date.now();
      await popup.getByRole('button', { name: `Copy code for ${label}` }).click();
      await popup.getByText(`Copied the code for ${label}`).waitFor();
      const shownAfter = await readCode(popup, label);
      await popup.close();

      const [worker] = ext.browser.context.serviceWorkers();
      const alarm = await worker.evaluate(() => (globalThis as unknown as { chrome: ChromeAlarms }).chrome.alarms.get('clear-clipboard'));
      expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(copiedAt + 29_000);
      expect(alarm?.scheduledTime).toBeLessThanOrEqual(Date.now() + 31_000);

      const scratch = await ext.open('options');
      expect([shownBefore, shownAfter]).toContain(await pasteClipboard(scratch));
      // Bring the alarm forward instead of waiting 30 s (an unpacked extension's alarms may fire this early).
      await worker.evaluate(() => (globalThis as unknown as { chrome: ChromeAlarms }).chrome.alarms.create('clear-clipboard', { when: Date.now() + 200 }));
      await expect.poll(() => pasteClipboard(scratch), { timeout: 10_000 }).toBe('');
    } finally {
      await ext.browser.close();
    }
  });
});
