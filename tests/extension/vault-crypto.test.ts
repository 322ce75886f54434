import { describe, expect, it } from 'vitest';
import { decodeBase32 } from '#shared/otp/index.ts';
import { asText, BANK, GITHUB, MAIL, makeHarness, PASSWORD, unlockedHarness } from './support/vault-fixture';

describe('vault encryption at rest', () => {
  it('refuses a wrong password and opens with the right one', async () => {
    const h = await unlockedHarness();
    await h.vault.add([GITHUB]);
    await h.vault.lock();
    await expect(h.vault.unlock('not the password')).rejects.toMatchObject({ code: 'wrong_password' });
    expect(await h.vault.state()).toBe('locked');
    await h.vault.unlock(PASSWORD);
    expect((await h.vault.list()).map((a) => a.issuer)).toEqual(['GitHub']);
  });

  it('keeps secrets, issuers and account names out of the raw IndexedDB records', async () => {
    const h = await unlockedHarness();
    await h.vault.add([GITHUB, BANK, MAIL]);
    const raw = asText(new TextEncoder().encode(JSON.stringify(await h.rawHeader())))
      + (await h.rawRecords()).map((r) => r.id + asText(r.iv) + asText(r.data)).join('');
    for (const account of [GITHUB, BANK, MAIL]) {
      expect(raw).not.toContain(account.secret);
      expect(raw).not.toContain(asText(decodeBase32(account.secret)));
      expect(raw).not.toContain(account.issuer);
      expect(raw).not.toContain(account.account);
    }
    expect(raw).not.toContain('github.com');
    // The records themselves are opaque: only an id, an IV and ciphertext.
    for (const record of await h.rawRecords()) expect(Object.keys(record).sort()).toEqual(['data', 'id', 'iv']);
  });

  it('detects a changed ciphertext', async () => {
    const h = await unlockedHarness();
    await h.vault.add([GITHUB]);
    const [record] = await h.rawRecords();
    const data = new Uint8Array(record.data);
    data[3] ^= 0x01;
    await h.writeRaw('accounts', { ...record, data });
    await expect(h.vault.list()).rejects.toMatchObject({ code: 'tampered' });
  });

  it('refuses records swapped between ids', async () => {
    const h = await unlockedHarness();
    await h.vault.add([GITHUB, BANK]);
    const [a, b] = await h.rawRecords();
    await h.writeRaw('accounts', { id: a.id, iv: b.iv, data: b.data });
    await h.writeRaw('accounts', { id: b.id, iv: a.iv, data: a.data });
    await expect(h.vault.list()).rejects.toMatchObject({ code: 'tampered' });
  });

  it('refuses a header whose wrapped key was changed', async () => {
    const h = await unlockedHarness();
    await h.vault.lock();
    const header = await h.rawHeader();
    const wrapped = Uint8Array.from(atob(header.wrappedKey.data), (c) => c.charCodeAt(0));
    wrapped[0] ^= 0x80;
    await h.writeRaw('meta', { ...header, wrappedKey: { ...header.wrappedKey, data: btoa(String.fromCharCode(...wrapped)) } }, 'header');
    await expect(h.vault.unlock(PASSWORD)).rejects.toMatchObject({ code: 'tampered' });
    expect(await h.vault.state()).toBe('locked');
  });

  it('refuses a header whose bound fields were changed', async () => {
    const h = await unlockedHarness();
    await h.vault.lock();
    const header = await h.rawHeader();
    await h.writeRaw('meta', { ...header, vaultId: 'someone-else' }, 'header');
    await expect(h.vault.unlock(PASSWORD)).rejects.toMatchObject({ code: 'tampered' });
    await h.writeRaw('meta', { ...header, kdf: { ...header.kdf, memoryKiB: 1 << 30 } }, 'header');
    await expect(h.vault.unlock(PASSWORD)).rejects.toMatchObject({ code: 'tampered' });
  });

  it('refuses lowered KDF parameters, and opens again once the header is restored', async () => {
    const h = await unlockedHarness();
    await h.vault.add([GITHUB]);
    await h.vault.lock();
    const header = await h.rawHeader();
    await h.writeRaw('meta', { ...header, kdf: { ...header.kdf, memoryKiB: 32 } }, 'header');
    // A different parameter derives a different key: the vault stays shut.
    await expect(h.vault.unlock(PASSWORD)).rejects.toMatchObject({ code: expect.stringMatching(/^(wrong_password|tampered)$/) });
    expect(await h.vault.state()).toBe('locked');
    await h.writeRaw('meta', header, 'header');
    await h.vault.unlock(PASSWORD);
    expect(await h.vault.list()).toHaveLength(1);
  });

  it('uses Argon2id with 64 MiB and 3 passes unless told otherwise', async () => {
    const h = makeHarness({ kdf: undefined });
    await h.vault.create(PASSWORD);
    const header = await h.rawHeader();
    expect(header.kdf).toMatchObject({ algorithm: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1 });
    expect(atob(header.kdf.salt)).toHaveLength(16);
  });
});
