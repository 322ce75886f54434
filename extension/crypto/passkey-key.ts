// A passkey's WebAuthn PRF output -> the AES-256-GCM key that wraps the vault's data key a second time. The PRF output
// is already 32 uniformly random bytes from the authenticator; HKDF gives it a purpose of its own.
import { encodeUtf8 } from '#shared/bytes.ts';
import { toBuffer } from './aead';

export const PRF_BYTES = 32;

export async function derivePasskeyKey(prfOutput: Uint8Array): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', toBuffer(prfOutput), 'HKDF', false, ['deriveKey']);
  const params: HkdfParams = { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: toBuffer(encodeUtf8('tessera/passkey-key')) };
  return crypto.subtle.deriveKey(params, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}
