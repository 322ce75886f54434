// Opens an encrypted Aegis export as its format documents it: each password slot (type 1) holds the master key,
// AES-256-GCM-encrypted under scrypt(password, salt, N, r, p); the master key then decrypts `db` with header.params.
import { importAesKey, open } from '../crypto/aead';
import { concatBytes, decodeBase64, decodeHex, decodeUtf8, encodeUtf8 } from '#shared/bytes.ts';
import { asRecord } from './entries';
import { BackupError } from './errors';

const PASSWORD_SLOT = 1;

export async function decryptAegisDb(json: Record<string, unknown>, password: string): Promise<unknown> {
  const header = asRecord(json.header);
  const slots = Array.isArray(header?.slots) ? header.slots.map(asRecord).filter((s) => s?.type === PASSWORD_SLOT) : [];
  if (slots.length === 0) {
    throw new BackupError('unsupported', 'This Aegis export has no password slot (only biometrics): export it again from Aegis with a password.');
  }
  let masterKey: Uint8Array | null = null;
  for (const slot of slots) {
    masterKey = await openSlot(slot!, password);
    if (masterKey) break;
  }
  if (!masterKey) throw new BackupError('wrong_password', 'Wrong password for this Aegis export: use the password Aegis asked for when exporting.');
  const params = asRecord(header?.params);
  const plain = await open(await importAesKey(masterKey), {
    iv: hex(params?.nonce, 12),
    data: concatBytes(base64(json.db), hex(params?.tag, 16)),
  }, null);
  if (!plain) throw corrupt();
  try {
    return JSON.parse(decodeUtf8(plain));
  } catch {
    throw corrupt();
  }
}

async function openSlot(slot: Record<string, unknown>, password: string): Promise<Uint8Array | null> {
  const { n, r, p } = slot;
  // Bounds keep a crafted file from asking for gigabytes of memory; Aegis itself writes N=2^15, r=8, p=1.
  const sane = isPowerOfTwo(n) && (n as number) <= 1 << 20 && Number.isInteger(r) && (r as number) >= 1 && (r as number) <= 32
    && Number.isInteger(p) && (p as number) >= 1 && (p as number) <= 16;
  if (!sane) throw corrupt();
  const { scrypt } = await import('hash-wasm');
  const derived = await scrypt({
    password: encodeUtf8(password),
    salt: hex(slot.salt),
    costFactor: n as number,
    blockSize: r as number,
    parallelism: p as number,
    hashLength: 32,
    outputType: 'binary',
  });
  const keyParams = asRecord(slot.key_params);
  return open(await importAesKey(derived), {
    iv: hex(keyParams?.nonce, 12),
    data: concatBytes(hex(slot.key, 32), hex(keyParams?.tag, 16)),
  }, null);
}

function hex(value: unknown, length?: number): Uint8Array {
  try {
    const bytes = decodeHex(typeof value === 'string' ? value : '');
    if (bytes.length === 0 || (length !== undefined && bytes.length !== length)) throw corrupt();
    return bytes;
  } catch {
    throw corrupt();
  }
}

function base64(value: unknown): Uint8Array {
  try {
    return decodeBase64(typeof value === 'string' ? value : '');
  } catch {
    throw corrupt();
  }
}

function isPowerOfTwo(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) > 1 && ((value as number) & ((value as number) - 1)) === 0;
}

function corrupt(): BackupError {
  return new BackupError('corrupt', 'This Aegis export is damaged or incomplete: export it again from Aegis.');
}
