// What the settings sections above Import need before they can be drawn: the auto-lock choice and the passkey's
// state. Read together and shown with the rest, so no section grows after the page is up and pushes the forms below
// it out from under the pointer.
import type { Vault, VaultSettings } from '../../vault/index';
import { readPasskeyShown, type PasskeyShown } from './PasskeySection';

export interface OptionsFirstScreen { settings: VaultSettings | null; passkey: PasskeyShown }

export async function readOptionsFirstScreen(vault: Vault): Promise<OptionsFirstScreen> {
  const [settings, passkey] = await Promise.all([vault.getSettings().catch(() => null), readPasskeyShown(vault)]);
  return { settings, passkey };
}
