import { describe, it, expect, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, createVault, unlock, addManually, rowOf, MASTER_PASSWORD } from './extension-helpers';

// Browser starts and Argon2id steps are slow on a shared, loaded CPU: time enough for them, not a failure on time.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const ISSUER = 'Zephyrbank';
const NAME = 'quentin@example.org';
const LABEL = `${ISSUER}: ${NAME}`;

/** Every record of every IndexedDB store of the extension, with binary data turned into text so it can be searched. */
function dumpIndexedDb(page: Page): Promise<{ stores: number; records: number; text: string }> {
  return page.evaluate(async () => {
    const toText = (value: unknown): unknown => {
      if (value instanceof ArrayBuffer) return new TextDecoder('latin1').decode(value);
      if (ArrayBuffer.isView(value)) return new TextDecoder('latin1').decode(value as Uint8Array);
      if (Array.isArray(value)) return value.map(toText);
      if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toText(v)]));
      return value;
    };
    let stores = 0;
    let records = 0;
    const parts: string[] = [];
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const name of Array.from(db.objectStoreNames)) {
        stores++;
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        records += all.length;
        parts.push(JSON.stringify(toText(all)));
      }
      db.close();
    }
    return { stores, records, text: parts.join('\n') };
  });
}

describe('extension vault', () => {
  it('first run asks for a master password typed twice, at least 8 characters, with a strength hint', async () => {
    const ext = await launchExtension();
    try {
      const page = await ext.open('popup');
      await page.getByLabel('Master password', { exact: true }).fill('short');
      await page.getByText(/Strength: Too short/).waitFor();
      await page.getByLabel('Type it again').fill('short');
      await page.getByRole('button', { name: 'Create vault' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toMatch(/at least 8 characters/);
      await page.getByLabel('Master password', { exact: true }).fill(MASTER_PASSWORD);
      await page.getByLabel('Type it again').fill(`${MASTER_PASSWORD}x`);
      await page.getByRole('button', { name: 'Create vault' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/differ/);
      await page.getByText(/Strength: (Good|Strong)/).waitFor();
      await createVault(page);
      await page.getByRole('heading', { name: 'No accounts yet' }).waitFor();
    } finally {
      await ext.browser.close();
    }
  });

  it('locks on "Lock now" to a password field and nothing else, refuses a wrong password, unlocks with the right one', async () => {
    const ext = await launchExtension();
    try {
      const page = await ext.open('popup');
      await createVault(page);
      await addManually(page, { secret: SECRET, issuer: ISSUER, account: NAME });
      await page.getByRole('button', { name: 'Lock now' }).click();
      await page.getByLabel('Master password').waitFor();
      // Chromium exposes a password input as a textbox: it must be the only field, next to the Unlock button.
      await expect(page.getByRole('textbox').count()).resolves.toBe(1);
      await expect(page.locator('input').count()).resolves.toBe(1);
      await expect(page.getByRole('button').allTextContents()).resolves.toEqual(['Unlock']);
      await expect(page.getByRole('list').count()).resolves.toBe(0);
      await expect(page.getByText(ISSUER).count()).resolves.toBe(0);
      await unlock(page, 'not the password');
      await expect(page.getByRole('alert').textContent()).resolves.toMatch(/Wrong password/);
      await unlock(page);
      await rowOf(page, LABEL).waitFor();
      // Another page of the extension sees the same unlocked session.
      const other = await ext.open('popup');
      await rowOf(other, LABEL).waitFor();
    } finally {
      await ext.browser.close();
    }
  });

  it('keeps no secret, issuer or account name in the clear in IndexedDB or the persistent storage areas', async () => {
    const ext = await launchExtension();
    try {
      const page = await ext.open('popup');
      await createVault(page);
      await addManually(page, { secret: SECRET, issuer: ISSUER, account: NAME });
      const dump = await dumpIndexedDb(page);
      expect(dump.records).toBeGreaterThanOrEqual(2);
      expect(dump.text.length).toBeGreaterThan(100);
      // Nor in the extension's persistent storage areas, which outlive the browser session too.
      const persistent = await page.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
        return JSON.stringify([await api.storage.local.get(null), await api.storage.sync.get(null)]);
      });
      // 'Hello!' is the secret's first bytes (base32 JBSWY3DP), in case it were kept as raw bytes.
      for (const clear of [SECRET, SECRET.toLowerCase(), 'JBSWY3DP', 'Hello!', ISSUER, 'quentin', MASTER_PASSWORD]) {
        expect(dump.text).not.toContain(clear);
        expect(persistent).not.toContain(clear);
      }
    } finally {
      await ext.browser.close();
    }
  });

  it('is still there, and locked, after the browser is closed and the profile opened again', async () => {
    const first = await launchExtension();
    const profileDir = first.browser.profileDir;
    try {
      const page = await first.open('popup');
      await createVault(page);
      await addManually(page, { secret: SECRET, issuer: ISSUER, account: NAME });
    } finally {
      await first.browser.close({ keepProfile: true });
    }
    const second = await launchExtension({ profileDir });
    try {
      const page = await second.open('popup');
      await page.getByLabel('Master password').waitFor();
      await expect(page.getByRole('button', { name: 'Create vault' }).count()).resolves.toBe(0);
      await unlock(page);
      await rowOf(page, LABEL).waitFor();
    } finally {
      await second.browser.close();
    }
  });

  it('runs the auto-lock check every minute from the background', async () => {
    const ext = await launchExtension();
    try {
      const [worker] = ext.browser.context.serviceWorkers();
      const alarm = await worker.evaluate(() =>
        (globalThis as unknown as { chrome: { alarms: { get(name: string): Promise<{ periodInMinutes?: number } | undefined> } } })
          .chrome.alarms.get('auto-lock'));
      expect(alarm?.periodInMinutes).toBe(1);
    } finally {
      await ext.browser.close();
    }
  });
});
