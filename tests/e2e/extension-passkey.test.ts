// Unlock with a passkey, end to end in headless Chromium: a CDP virtual authenticator with PRF answers the WebAuthn
// calls of the extension's own pages. The authenticator belongs to one tab, so set-up (options) and unlock (the popup's
// page) happen in the same tab, one after the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { CHROME_EXTENSION_ID } from '../../extension/identity';
import { createVault, launchExtension, MASTER_PASSWORD, unlock, type Extension } from './extension-helpers';

const UNLOCK_WITH_PASSKEY = { name: 'Unlock with a passkey' };
// Each step runs Argon2id (64 MiB) once or more: allow for a loaded machine.
const STEP_MS = 90_000;

describe('unlock with a passkey (Chromium)', () => {
  let ext: Extension;
  let tab: Page;
  let cdp: CDPSession;
  let authenticatorId: string;

  const goTo = async (name: 'popup' | 'options') => {
    await tab.goto(`chrome-extension://${ext.id}/${name}.html`);
    await tab.getByRole('button', { name: /Unlock|Lock now|Create vault/ }).first().waitFor();
  };
  const passkeyForm = (name: string) => tab.getByRole('form', { name });

  beforeAll(async () => {
    ext = await launchExtension();
    tab = await ext.browser.context.newPage();
    cdp = await ext.browser.context.newCDPSession(tab);
    await cdp.send('WebAuthn.enable' as never);
    ({ authenticatorId } = (await cdp.send('WebAuthn.addVirtualAuthenticator' as never, {
      options: {
        protocol: 'ctap2', ctap2Version: 'ctap2_1', transport: 'internal', hasResidentKey: true, hasUserVerification: true,
        isUserVerified: true, automaticPresenceSimulation: true, hasPrf: true,
      },
    } as never)) as { authenticatorId: string });
    await goTo('options');
    await createVault(tab);
  });
  afterAll(async () => { await ext?.browser.close(); });

  it('runs under the fixed extension id the manifest key gives, which a passkey is bound to', () => {
    expect(ext.id).toBe(CHROME_EXTENSION_ID);
  }, STEP_MS);

  it('sets up a passkey only after the master password, and a wrong one asks the authenticator nothing', async () => {
    const form = passkeyForm('Set up a passkey');
    await form.getByLabel('Master password').fill('not the password');
    await form.getByRole('button', { name: 'Set up a passkey' }).click();
    await expect.poll(() => form.getByRole('alert').textContent(), { timeout: 30_000 }).toBe('The master password is wrong. Nothing was changed.');
    const { credentials } = (await cdp.send('WebAuthn.getCredentials' as never, { authenticatorId } as never)) as { credentials: unknown[] };
    expect(credentials).toHaveLength(0);

    await form.getByLabel('Master password').fill(MASTER_PASSWORD);
    await form.getByRole('button', { name: 'Set up a passkey' }).click();
    await tab.getByText(/^Passkey set up/).waitFor();
    await passkeyForm('Remove passkey').waitFor();
  }, STEP_MS);

  it('unlocks the popup with the passkey, without the password', async () => {
    await tab.getByRole('button', { name: 'Lock now' }).click();
    await goTo('popup');
    await tab.getByLabel('Master password').waitFor();
    await tab.getByRole('button', UNLOCK_WITH_PASSKEY).click();
    await tab.getByRole('heading', { name: 'No accounts yet' }).waitFor();
    await expect(tab.getByRole('button', { name: 'Lock now' }).isVisible()).resolves.toBe(true);
  }, STEP_MS);

  it('refuses a different credential\'s PRF output, in words, and stays locked', async () => {
    await tab.getByRole('button', { name: 'Lock now' }).click();
    // Another credential on the same authenticator, put in the vault's record in place of the one set up.
    await tab.evaluate(async () => {
      const other = (await navigator.credentials.create({ publicKey: {
        rp: { name: 'Other' }, user: { id: new Uint8Array(16), name: 'other', displayName: 'other' },
        challenge: new Uint8Array(32), pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
        extensions: { prf: {} } as AuthenticationExtensionsClientInputs,
      } })) as PublicKeyCredential;
      const id = btoa(String.fromCharCode(...new Uint8Array(other.rawId)));
      const db = await new Promise<IDBDatabase>((resolve) => { const open = indexedDB.open('tessera-vault'); open.onsuccess = () => resolve(open.result); });
      const store = () => db.transaction('meta', 'readwrite').objectStore('meta');
      const record = await new Promise<Record<string, unknown>>((resolve) => { const get = store().get('passkey'); get.onsuccess = () => resolve(get.result); });
      await new Promise((resolve) => { const put = store().put({ ...record, credentialId: id }, 'passkey'); put.onsuccess = resolve; });
    });
    await goTo('popup');
    await tab.getByRole('button', UNLOCK_WITH_PASSKEY).click();
    await expect.poll(() => tab.getByRole('alert').textContent(), { timeout: 20_000 }).toMatch(/^This passkey does not unlock Tessera/);
    await expect(tab.getByRole('button', { name: 'Lock now' }).count()).resolves.toBe(0);
  }, STEP_MS);

  it('says so in words when no authenticator holds the passkey, and the master password still unlocks', async () => {
    await cdp.send('WebAuthn.clearCredentials' as never, { authenticatorId } as never);
    await goTo('popup');
    await tab.getByRole('button', UNLOCK_WITH_PASSKEY).click();
    await expect.poll(() => tab.getByRole('alert').textContent(), { timeout: 20_000 }).toMatch(/^The passkey was not used: .* unlock with the master password/);
    await unlock(tab);
    await tab.getByRole('heading', { name: 'No accounts yet' }).waitFor();
  }, STEP_MS);

  it('removes the passkey after the master password: the locked screen then offers the password alone', async () => {
    await goTo('options');
    const form = passkeyForm('Remove passkey');
    await form.getByLabel('Master password').fill(MASTER_PASSWORD);
    await form.getByRole('button', { name: 'Remove passkey' }).click();
    await tab.getByText('The passkey was removed: unlock with the master password from now on.').waitFor();
    await passkeyForm('Set up a passkey').waitFor();
    await tab.getByRole('button', { name: 'Lock now' }).click();
    await goTo('popup');
    await tab.getByLabel('Master password').waitFor();
    await expect(tab.getByRole('button').allTextContents()).resolves.toEqual(['Unlock']);
  }, STEP_MS);

  it('goes with the old password when the master password is changed, and the page says so', async () => {
    await goTo('options');
    await unlock(tab);
    await passkeyForm('Set up a passkey').getByLabel('Master password').fill(MASTER_PASSWORD);
    await passkeyForm('Set up a passkey').getByRole('button', { name: 'Set up a passkey' }).click();
    await passkeyForm('Remove passkey').waitFor();
    const change = tab.getByRole('form', { name: 'Change the master password' });
    await change.getByLabel('Current password').fill(MASTER_PASSWORD);
    await change.getByLabel('New password').fill('a much better passphrase 9');
    await change.getByLabel('Type it again').fill('a much better passphrase 9');
    await change.getByRole('button', { name: 'Change password' }).click();
    await tab.getByText('The passkey went with the old password: set it up again to unlock with it.', { exact: false }).waitFor();
    await passkeyForm('Set up a passkey').waitFor();
  }, STEP_MS);
});
