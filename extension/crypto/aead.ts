// AES-256-GCM through WebCrypto. Every call takes additional data so a ciphertext only opens in the place it was made for.
export const IV_BYTES = 12;
export const KEY_BYTES = 32;

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

export function importAesKey(raw: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', toBuffer(raw), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

export interface Sealed {
  iv: Uint8Array;
  data: Uint8Array; // ciphertext followed by the 16-byte tag
}

export async function seal(key: CryptoKey, plaintext: Uint8Array, aad: Uint8Array): Promise<Sealed> {
  const iv = randomBytes(IV_BYTES);
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: toBuffer(aad) },
    key,
    toBuffer(plaintext),
  );
  return { iv, data: new Uint8Array(data) };
}

/** Returns null when the tag does not verify (wrong key, changed ciphertext or changed additional data). */
export async function open(key: CryptoKey, sealed: Sealed, aad: Uint8Array | null): Promise<Uint8Array | null> {
  try {
    const params: AesGcmParams = { name: 'AES-GCM', iv: toBuffer(sealed.iv) };
    if (aad) params.additionalData = toBuffer(aad);
    return new Uint8Array(await crypto.subtle.decrypt(params, key, toBuffer(sealed.data)));
  } catch {
    return null;
  }
}

// WebCrypto's typings want ArrayBuffer-backed views; copying also detaches us from caller-owned buffers.
export function toBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}
