// Tessera's own encrypted backup (docs/backup-format.md): versioned JSON, Argon2id-derived key, AES-256-GCM.
import { open, seal } from '../vault/aead';
import { decodeBase64, decodeUtf8, encodeBase64, encodeUtf8 } from '#shared/bytes.ts';
import { DEFAULT_KDF, deriveKeys, isSaneKdf, sameBytes, SALT_BYTES, type KdfParams } from '../vault/kdf';
import { randomBytes } from '../vault/aead';
import { MIN_PASSWORD_LENGTH } from '../vault/strength';
import { BackupError } from './errors';
import type { ImportedAccount } from './types';

export const BACKUP_FORMAT = 'tessera-backup';
export const BACKUP_VERSION = 1;

export interface TesseraBackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  kdf: KdfParams & { algorithm: 'argon2id'; salt: string };
  check: string;
  cipher: { algorithm: 'AES-256-GCM'; iv: string };
  data: string;
}

/** Everything but `data`, `check` and the IV is bound as additional data: a changed parameter fails decryption. */
function backupAad(file: Pick<TesseraBackupFile, 'format' | 'version' | 'kdf'>): Uint8Array {
  const { kdf } = file;
  return encodeUtf8(JSON.stringify([file.format, file.version, kdf.algorithm, kdf.memoryKiB, kdf.iterations, kdf.parallelism, kdf.salt]));
}

export async function writeTesseraBackup(accounts: ImportedAccount[], password: string, kdf: KdfParams = DEFAULT_KDF, now = Date.now()): Promise<TesseraBackupFile> {
  if (typeof password !== 'string' || [...password].length < MIN_PASSWORD_LENGTH) {
    throw new BackupError('weak_password', `The backup password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  const salt = randomBytes(SALT_BYTES);
  const keys = await deriveKeys(password, salt, kdf);
  const head = { format: BACKUP_FORMAT, version: BACKUP_VERSION, kdf: { algorithm: 'argon2id' as const, memoryKiB: kdf.memoryKiB, iterations: kdf.iterations, parallelism: kdf.parallelism, salt: encodeBase64(salt) } } as const;
  const payload = { exportedAt: new Date(now).toISOString(), accounts };
  const sealed = await seal(keys.encryptionKey, encodeUtf8(JSON.stringify(payload)), backupAad(head));
  return { ...head, check: encodeBase64(keys.check), cipher: { algorithm: 'AES-256-GCM', iv: encodeBase64(sealed.iv) }, data: encodeBase64(sealed.data) };
}

export function isTesseraBackup(json: Record<string, unknown>): boolean {
  return json.format === BACKUP_FORMAT;
}

/** The accounts as stored (not yet validated), or BackupError password_required / wrong_password / corrupt / unsupported. */
export async function readTesseraBackup(json: Record<string, unknown>, password?: string): Promise<unknown[]> {
  if (json.version !== BACKUP_VERSION) {
    throw new BackupError('unsupported', `This Tessera backup has version ${String(json.version)}; this Tessera reads version ${BACKUP_VERSION}. Update Tessera.`);
  }
  const file = json as unknown as TesseraBackupFile;
  if (file.kdf?.algorithm !== 'argon2id' || !isSaneKdf(file.kdf) || file.cipher?.algorithm !== 'AES-256-GCM') throw corrupt();
  if (password === undefined || password === '') {
    throw new BackupError('password_required', 'This Tessera backup is encrypted: enter the password it was exported with.');
  }
  const bytes = (text: unknown) => {
    try {
      return decodeBase64(typeof text === 'string' ? text : '');
    } catch {
      throw corrupt();
    }
  };
  const keys = await deriveKeys(password, bytes(file.kdf.salt), file.kdf);
  if (!sameBytes(keys.check, bytes(file.check))) throw new BackupError('wrong_password', 'Wrong password for this Tessera backup.');
  const plain = await open(keys.encryptionKey, { iv: bytes(file.cipher.iv), data: bytes(file.data) }, backupAad(file));
  if (!plain) throw corrupt();
  try {
    const payload = JSON.parse(decodeUtf8(plain)) as { accounts?: unknown };
    if (!Array.isArray(payload.accounts)) throw corrupt();
    return payload.accounts;
  } catch {
    throw corrupt();
  }
}

function corrupt(): BackupError {
  return new BackupError('corrupt', 'This Tessera backup is damaged or was changed after it was made: use another copy.');
}
