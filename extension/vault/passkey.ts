// Unlocking with a passkey: the data key sealed a second time, under a key from the passkey's WebAuthn PRF output
// (crypto/passkey-key.ts), beside the password's copy in the header. Setting one up or removing it asks for the master
// password, which stays the way back in; a password change removes it (lifecycle.ts), as a change of password is what
// someone does who fears another knows it.
import { encodeUtf8 } from '#shared/bytes.ts';
import { KEY_BYTES } from '../crypto/aead';
import { openText, readSealed, sealText, type SealedText } from '../crypto/envelope';
import { derivePasskeyKey, PRF_BYTES } from '../crypto/passkey-key';
import { readHeaderValue, type VaultContext } from './context';
import { VaultError } from './errors';
import { readHeader, unwrapDataKey } from './header';
import { saveSessionKey } from './session';

/** What the popup needs to ask the authenticator: which credential, and the PRF input. Nothing here is secret. */
export interface PasskeyInfo {
  /** The credential's raw id, Base64. */
  credentialId: string;
  /** The PRF input (`eval.first`), Base64, 32 bytes. */
  prfSalt: string;
  createdAt: number;
}

export interface PasskeyRecord extends PasskeyInfo {
  version: 1;
  vaultId: string;
  wrappedKey: SealedText;
}

/** What setting a passkey up gave: the credential, the PRF input chosen for it, and the PRF output for that input. */
export interface PasskeyEnrolment { credentialId: string; prfSalt: string; prfOutput: Uint8Array }

const passkeyAad = (record: Pick<PasskeyRecord, 'version' | 'vaultId' | 'credentialId' | 'prfSalt'>) =>
  encodeUtf8(JSON.stringify(['tessera-vault-passkey', record.version, record.vaultId, record.credentialId, record.prfSalt]));

export async function readPasskey(ctx: VaultContext): Promise<PasskeyInfo | null> {
  const record = await readRecord(ctx);
  return record && { credentialId: record.credentialId, prfSalt: record.prfSalt, createdAt: record.createdAt };
}

/** Checks the password, then asks `createPasskey` (so a mistyped password costs no authenticator prompt). */
export async function enrolPasskey(ctx: VaultContext, password: string, createPasskey: () => Promise<PasskeyEnrolment>): Promise<void> {
  const header = readHeader(await requireHeader(ctx));
  const dataKey = await unwrapDataKey(header, password);
  const enrolment = await createPasskey();
  if (!(enrolment.prfOutput instanceof Uint8Array) || enrolment.prfOutput.length !== PRF_BYTES) throw noPrf();
  const base = { version: 1 as const, vaultId: header.vaultId, credentialId: enrolment.credentialId, prfSalt: enrolment.prfSalt };
  const wrappedKey = await sealText(await derivePasskeyKey(enrolment.prfOutput), dataKey, passkeyAad(base));
  const record: PasskeyRecord = { ...base, createdAt: ctx.now(), wrappedKey };
  const tx = (await ctx.db()).transaction('meta', 'readwrite');
  await Promise.all([tx.store.put(record, 'passkey'), tx.done]);
}

export async function unlockWithPasskey(ctx: VaultContext, prfOutput: Uint8Array): Promise<void> {
  const header = readHeader(await requireHeader(ctx));
  const record = await readRecord(ctx);
  if (!record) throw new VaultError('no_passkey', 'No passkey is set up for Tessera any more: unlock with the master password.');
  const key = prfOutput instanceof Uint8Array && prfOutput.length === PRF_BYTES ? await derivePasskeyKey(prfOutput) : null;
  const dataKey = key && record.vaultId === header.vaultId ? await openText(key, record.wrappedKey, passkeyAad(record)) : null;
  if (!dataKey || dataKey.length !== KEY_BYTES) {
    throw new VaultError('wrong_passkey', 'This passkey does not unlock Tessera: use the passkey you set up here, or the master password.');
  }
  await saveSessionKey(ctx.session, header.vaultId, dataKey, ctx.now());
}

export async function removePasskey(ctx: VaultContext, password: string): Promise<void> {
  await unwrapDataKey(readHeader(await requireHeader(ctx)), password);
  const tx = (await ctx.db()).transaction('meta', 'readwrite');
  await Promise.all([tx.store.delete('passkey'), tx.done]);
}

async function readRecord(ctx: VaultContext): Promise<PasskeyRecord | null> {
  const value = (await (await ctx.db()).get('meta', 'passkey')) as Partial<PasskeyRecord> | undefined;
  if (!value) return null;
  const ok = value.version === 1 && typeof value.vaultId === 'string' && typeof value.credentialId === 'string'
    && typeof value.prfSalt === 'string' && typeof value.createdAt === 'number' && readSealed(value.wrappedKey, KEY_BYTES) !== null;
  return ok ? (value as PasskeyRecord) : null;
}

async function requireHeader(ctx: VaultContext): Promise<unknown> {
  const stored = await readHeaderValue(ctx);
  if (!stored) throw new VaultError('no_vault', 'There is no vault yet: create one with a master password first.');
  return stored;
}

function noPrf(): VaultError {
  return new VaultError('no_passkey', 'The passkey gave no key to unlock with: this authenticator does not support the PRF extension.');
}
