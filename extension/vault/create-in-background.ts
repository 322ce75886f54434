// First run, finished whatever the popup does: the master password goes to the service worker (inside the extension,
// never stored), which derives the keys and writes the vault there. A popup closed while "Creating…" (it closes at the
// first click elsewhere) no longer takes the half-made vault with it; a browser closed meanwhile leaves a marker, and the
// next first-run page says there is no vault yet instead of showing the form as if nothing had happened.
import { browser } from 'wxt/browser';
import { CodedError } from '#shared/coded-error.ts';
import type { KeyValueArea } from '../storage/area';
import { vaultCreationItem } from '../storage/items';
import { isCreateVaultRequest, isFromExtensionPage, type CreateVaultAnswer, type CreateVaultRequest } from '../messaging/messages';
import { extensionBase } from '../messaging/extension-base';
import type { Vault } from './types';
import { VaultError, type VaultErrorCode } from './errors';

// Longer than any KDF run on a slow machine: past it, a marker means the creation was cut off.
export const CREATION_TIMEOUT_MS = 2 * 60_000;

/** The service worker's side: create, then answer; the marker is removed whatever the outcome. */
export async function createVaultFor(vault: Vault, password: string, store: KeyValueArea, now: () => number = Date.now): Promise<CreateVaultAnswer> {
  await vaultCreationItem.set(store, now());
  try {
    await vault.create(password);
    return { ok: true };
  } catch (error) {
    // Only the vault's own refusals travel back; anything else is said without its details.
    if (error instanceof CodedError) return { ok: false, code: error.code, message: error.message };
    return { ok: false, code: 'failed', message: 'The vault could not be created. Nothing was saved; try again.' };
  } finally {
    await vaultCreationItem.remove(store);
  }
}

export function registerVaultCreation(getVault: () => Vault, store: KeyValueArea): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string; url?: string }, sendResponse: (answer: unknown) => void) => {
    if (!isCreateVaultRequest(message) || !isFromExtensionPage(sender, browser.runtime.id, extensionBase())) return undefined;
    void createVaultFor(getVault(), message.password, store).then(sendResponse);
    return true; // answered asynchronously
  });
}

/** The page's side: asks the service worker and waits; a refusal comes back as the VaultError it was. */
export async function createVaultInBackground(password: string): Promise<void> {
  const request: CreateVaultRequest = { type: 'tessera:create-vault', password };
  const answer = (await browser.runtime.sendMessage(request)) as CreateVaultAnswer | undefined;
  if (answer?.ok) return;
  throw new VaultError((answer?.code ?? 'no_vault') as VaultErrorCode, answer?.message ?? 'The vault could not be created. Nothing was saved; try again.');
}

/** What the first-run page says on opening: a creation still running, one cut off, or nothing. */
export async function readCreationState(store: KeyValueArea, now: number = Date.now()): Promise<'running' | 'cut-off' | null> {
  const started = await vaultCreationItem.get(store);
  if (started === null) return null;
  return now - started < CREATION_TIMEOUT_MS && now >= started ? 'running' : 'cut-off';
}
