import { describe, expect, it } from 'vitest';
import { memoryArea } from '../../extension/storage/area';
import { asText, BANK, GITHUB, makeHarness, PASSWORD, unlockedHarness } from './support/vault-fixture';

describe('unlocked state lives only in the session store', () => {
  it('keeps the data key in the session store and nowhere in IndexedDB', async () => {
    const h = await unlockedHarness();
    await h.vault.add([GITHUB]);
    const entry = h.session.entries.get('tessera.vault.key') as { key: string };
    const rawKey = asText(Uint8Array.from(atob(entry.key), (c) => c.charCodeAt(0)));
    const stored = JSON.stringify(await h.rawHeader()) + (await h.rawRecords()).map((r) => asText(r.iv) + asText(r.data)).join('');
    expect(stored).not.toContain(entry.key);
    expect(stored).not.toContain(rawKey);
  });

  it('lock now clears the key; every operation then asks to unlock', async () => {
    const h = await unlockedHarness();
    await h.vault.lock();
    expect(h.session.entries.size).toBe(0);
    expect(await h.vault.state()).toBe('locked');
    await expect(h.vault.list()).rejects.toMatchObject({ code: 'locked' });
    await expect(h.vault.add([GITHUB])).rejects.toMatchObject({ code: 'locked' });
  });

  it('is shared by the pages of one browser session and gone in a new one', async () => {
    const h = await unlockedHarness();
    await h.vault.add([GITHUB]);
    expect(await h.secondPage().list()).toHaveLength(1);
    const restarted = h.secondPage({ session: memoryArea() });
    expect(await restarted.state()).toBe('locked');
    await expect(restarted.list()).rejects.toMatchObject({ code: 'locked' });
  });
});

describe('auto-lock', () => {
  it('locks after 15 idle minutes by default, counted from the last use', async () => {
    const h = await unlockedHarness();
    expect(await h.vault.getSettings()).toEqual({ autoLockMinutes: 15 });
    h.clock.advanceMinutes(14);
    expect(await h.vault.lockIfIdle()).toBe(false);
    await h.vault.touch();
    h.clock.advanceMinutes(14);
    expect(await h.vault.lockIfIdle()).toBe(false);
    h.clock.advanceMinutes(1);
    expect(await h.vault.lockIfIdle()).toBe(true);
    expect(await h.vault.state()).toBe('locked');
    expect(h.session.entries.size).toBe(0);
  });

  it('counts reading the accounts as use', async () => {
    const h = await unlockedHarness();
    h.clock.advanceMinutes(10);
    await h.vault.list();
    h.clock.advanceMinutes(10);
    expect(await h.vault.lockIfIdle()).toBe(false);
  });

  it('refuses to use a key whose idle time ran out even before the alarm fires', async () => {
    const h = await unlockedHarness();
    h.clock.advanceMinutes(16);
    expect(await h.vault.state()).toBe('locked');
    await expect(h.vault.list()).rejects.toMatchObject({ code: 'locked' });
    expect(h.session.entries.size).toBe(0);
  });

  it('takes a settable idle time, or never', async () => {
    const h = await unlockedHarness();
    await h.vault.setSettings({ autoLockMinutes: 1 });
    h.clock.advanceMinutes(1);
    expect(await h.vault.lockIfIdle(h.clock.now)).toBe(true);
    await h.vault.unlock(PASSWORD);
    await h.vault.setSettings({ autoLockMinutes: null });
    h.clock.advanceMinutes(60 * 24 * 30);
    expect(await h.vault.lockIfIdle()).toBe(false);
    expect(await h.vault.list()).toEqual([]);
    expect(await h.secondPage().getSettings()).toEqual({ autoLockMinutes: null });
  });

  it('does not revive an expired key when the idle time is lengthened', async () => {
    const h = await unlockedHarness();
    h.clock.advanceMinutes(20);
    await h.vault.setSettings({ autoLockMinutes: 60 });
    expect(await h.vault.state()).toBe('locked');
    await expect(h.vault.list()).rejects.toMatchObject({ code: 'locked' });
  });

  it('refuses a nonsensical idle time and keeps the old one', async () => {
    const h = await unlockedHarness();
    for (const autoLockMinutes of [0, -5, 2.5, Number.NaN]) {
      await expect(h.vault.setSettings({ autoLockMinutes })).rejects.toMatchObject({ code: 'invalid_settings' });
    }
    expect(await h.vault.getSettings()).toEqual({ autoLockMinutes: 15 });
  });
});

describe('opening a page', () => {
  it('says there is no vault yet, and nothing else', async () => {
    const h = makeHarness();
    expect(await h.vault.open()).toEqual({ state: 'empty' });
  });

  it('brings the accounts of an unlocked vault in list order, and counts as use', async () => {
    const h = await unlockedHarness();
    await h.vault.add([BANK, GITHUB]);
    await h.vault.update((await h.vault.list())[1].id, { pinned: true });
    h.clock.advanceMinutes(14);
    const opened = await h.vault.open();
    expect(opened.state).toBe('unlocked');
    expect(opened.state === 'unlocked' && opened.accounts?.map((a) => [a.issuer, a.pinned])).toEqual([['GitHub', true], ['Bank of Zurich', false]]);
    h.clock.advanceMinutes(14);
    expect(await h.vault.lockIfIdle()).toBe(false);
  });

  it('opens a page that shows no accounts (settings) unlocked without them, and counts as use', async () => {
    const h = await unlockedHarness();
    await h.vault.add([GITHUB]);
    h.clock.advanceMinutes(14);
    expect(await h.vault.open({ accounts: false })).toEqual({ state: 'unlocked', accounts: null });
    h.clock.advanceMinutes(14);
    expect(await h.vault.lockIfIdle()).toBe(false);
    expect((await h.vault.list()).map((a) => a.issuer)).toEqual(['GitHub']);
  });

  it('locks a session whose idle time ran out instead of showing its accounts', async () => {
    const h = await unlockedHarness();
    await h.vault.add([GITHUB]);
    h.clock.advanceMinutes(16);
    expect(await h.vault.open()).toEqual({ state: 'locked' });
    expect(h.session.entries.size).toBe(0);
  });

  it('shows a locked vault as locked, with no accounts', async () => {
    const h = await unlockedHarness();
    await h.vault.add([GITHUB]);
    await h.vault.lock();
    expect(await h.vault.open()).toEqual({ state: 'locked' });
  });
});
