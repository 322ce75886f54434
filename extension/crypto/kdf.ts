// Master password -> key-encryption key, with Argon2id (hash-wasm, WebAssembly: runs in the worker, pages and Node).
import { encodeUtf8 } from '#shared/bytes.ts';
import { toBuffer } from './aead';

export interface KdfParams {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

export const DEFAULT_KDF: KdfParams = { memoryKiB: 65536, iterations: 3, parallelism: 1 };
export const SALT_BYTES = 16;

// Bounds for parameters read back from storage or a backup file: outside them the data was not written by us,
// and honouring them could freeze the browser (memory) or make a brute force cheap (too low).
const LIMITS = { memoryKiB: [8, 1_048_576], iterations: [1, 64], parallelism: [1, 16] } as const;

export function isSaneKdf(params: unknown): params is KdfParams {
  if (typeof params !== 'object' || params === null) return false;
  const p = params as Record<string, unknown>;
  return (Object.keys(LIMITS) as (keyof KdfParams)[]).every((name) => {
    const value = p[name];
    const [min, max] = LIMITS[name];
    return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
  }) && (p.memoryKiB as number) >= 8 * (p.parallelism as number);
}

export interface DerivedKeys {
  /** Wraps the vault's data key (or encrypts a backup). */
  encryptionKey: CryptoKey;
  /** Public check value: tells a wrong password apart from a changed header without revealing anything new. */
  check: Uint8Array;
}

export async function deriveKeys(password: string, salt: Uint8Array, params: KdfParams): Promise<DerivedKeys> {
  // Loaded when first needed: a popup opening on an unlocked vault never derives a key.
  const { argon2id } = await import('hash-wasm');
  const master = await argon2id({
    password: encodeUtf8(password.normalize('NFC')),
    salt,
    iterations: params.iterations,
    parallelism: params.parallelism,
    memorySize: params.memoryKiB,
    hashLength: 32,
    outputType: 'binary',
  });
  const base = await crypto.subtle.importKey('raw', toBuffer(master), 'HKDF', false, ['deriveKey', 'deriveBits']);
  master.fill(0);
  const hkdf = (info: string): HkdfParams => ({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: toBuffer(encodeUtf8(info)) });
  const encryptionKey = await crypto.subtle.deriveKey(hkdf('tessera/encryption-key'), base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const check = new Uint8Array(await crypto.subtle.deriveBits(hkdf('tessera/password-check'), base, 128));
  return { encryptionKey, check };
}

/** Constant-time comparison, so a check value cannot be guessed byte by byte. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}
