import { describe, expect, it } from 'vitest';
import { BANK, GITHUB, MAIL, unlockedHarness } from './support/vault-fixture';

describe('adding accounts', () => {
  it('stores every field and gives back what was stored', async () => {
    const h = await unlockedHarness();
    const [added] = await h.vault.add([{ ...GITHUB, secret: 'jbsw y3dp ehpk 3pxp' }]);
    expect(added).toMatchObject({ ...GITHUB, secret: 'JBSWY3DPEHPK3PXP', sites: ['github.com'], pinned: false, order: 0 });
    expect(added.createdAt).toBe(h.clock.now);
    expect(await h.vault.list()).toEqual([added]);
  });

  it('refuses an invalid account with the parser\'s reason', async () => {
    const h = await unlockedHarness();
    await expect(h.vault.add([{ ...GITHUB, digits: 9 as 6 }])).rejects.toMatchObject({
      code: 'invalid_account', message: expect.stringContaining('digits must be 6, 7 or 8'),
    });
    await expect(h.vault.add([{ ...GITHUB, secret: 'ABC' }])).rejects.toMatchObject({ code: 'invalid_account' });
    await expect(h.vault.add([{ ...GITHUB, sites: ['not a domain/'] }])).rejects.toMatchObject({ code: 'invalid_account' });
  });

  it('adds all or nothing: one bad entry in a batch adds none', async () => {
    const h = await unlockedHarness();
    await h.vault.add([MAIL]);
    const error = await h.vault.add([GITHUB, BANK, { ...GITHUB, period: 0 }]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_account', message: expect.stringContaining('Account 3') });
    expect((await h.vault.list()).map((a) => a.issuer)).toEqual(['Fastmail']);
    expect(await h.rawRecords()).toHaveLength(1);
  });

  it('rolls the whole transaction back when a write fails half way', async () => {
    const ids = ['vault-id', 'same', 'same'];
    const h = await unlockedHarness({ newId: () => ids.shift() ?? 'spare' });
    // The first account is written, the second repeats its id: IndexedDB refuses it and the batch must vanish.
    await expect(h.vault.add([GITHUB, BANK])).rejects.toThrow();
    expect(await h.rawRecords()).toEqual([]);
    expect(await h.vault.list()).toEqual([]);
  });
});

describe('changing accounts', () => {
  it('lists pinned accounts first, then by order; reorder moves them', async () => {
    const h = await unlockedHarness();
    const [github, bank, mail] = await h.vault.add([GITHUB, BANK, MAIL]);
    await h.vault.update(mail.id, { pinned: true });
    expect((await h.vault.list()).map((a) => a.issuer)).toEqual(['Fastmail', 'GitHub', 'Bank of Zurich']);
    await h.vault.reorder([bank.id, github.id]);
    expect((await h.vault.list()).map((a) => a.issuer)).toEqual(['Fastmail', 'Bank of Zurich', 'GitHub']);
    await expect(h.vault.reorder(['missing'])).rejects.toMatchObject({ code: 'not_found' });
  });

  it('updates names and sites, validated, and refuses a bad patch without change', async () => {
    const h = await unlockedHarness();
    const [github] = await h.vault.add([GITHUB]);
    h.clock.advanceMinutes(1);
    const updated = await h.vault.update(github.id, { issuer: 'GitHub Enterprise', sites: ['GitHub.com', 'ghe.example.com'] });
    // Stored as the sites pages are matched to: ghe.example.com's pages are on example.com.
    expect(updated).toMatchObject({ issuer: 'GitHub Enterprise', sites: ['github.com', 'example.com'], updatedAt: h.clock.now });
    await expect(h.vault.update(github.id, { account: 42 as unknown as string })).rejects.toMatchObject({ code: 'invalid_account' });
    await expect(h.vault.update(github.id, { counter: 5 })).rejects.toMatchObject({ code: 'invalid_account' });
    expect(await h.vault.list()).toEqual([updated]);
    await expect(h.vault.update('missing', { issuer: 'x' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('advances and saves an HOTP counter; TOTP accounts have none', async () => {
    const h = await unlockedHarness();
    const [bank, github] = await h.vault.add([BANK, GITHUB]);
    expect((await h.vault.nextHotp(bank.id)).counter).toBe(42);
    expect((await h.secondPage().nextHotp(bank.id)).counter).toBe(43);
    expect((await h.vault.list()).find((a) => a.id === bank.id)?.counter).toBe(43);
    await expect(h.vault.nextHotp(github.id)).rejects.toMatchObject({ code: 'invalid_account' });
    await expect(h.vault.update(bank.id, { counter: -1 })).rejects.toMatchObject({
      code: 'invalid_account', message: expect.stringContaining('counter must be a whole number'),
    });
    expect((await h.vault.list()).find((a) => a.id === bank.id)?.counter).toBe(43);
  });

  it('does not lose counter steps when two pages advance at once', async () => {
    const h = await unlockedHarness();
    const [bank] = await h.vault.add([BANK]);
    const other = h.secondPage();
    await Promise.all([h.vault.nextHotp(bank.id), other.nextHotp(bank.id), h.vault.nextHotp(bank.id)]);
    expect((await h.vault.list())[0].counter).toBe(44);
  });

  it('removes an account', async () => {
    const h = await unlockedHarness();
    const [github, bank] = await h.vault.add([GITHUB, BANK]);
    await h.vault.remove(github.id);
    expect((await h.vault.list()).map((a) => a.id)).toEqual([bank.id]);
    await expect(h.vault.remove(github.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
