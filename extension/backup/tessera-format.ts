// Tessera's own encrypted backup (docs/backup-format.md): versioned JSON, Argon2id-derived key, AES-256-GCM.
import { decodeUtf8, encodeUtf8 } from '#shared/bytes.ts';
import {
  envelopeAad, newPasswordKey, openPasswordKey, openText, readCheck, readPasswordKdf, readSealed, sealText, type PasswordKdf,
} from '../crypto/envelope';
import { DEFAULT_KDF, type KdfParams } from '../crypto/kdf';
import { MIN_PASSWORD_LENGTH } from '../vault/strength';
import { BackupError } from './errors';
import type { ImportedAccount } from './types';

export const BACKUP_FORMAT = 'tessera-backup';
export const BACKUP_VERSION = 1;

/** The accounts in a password envelope (crypto/envelope.ts), laid out as docs/backup-format.md describes. */
export interface TesseraBackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  kdf: PasswordKdf;
  check: string;
  cipher: { algorithm: 'AES-256-GCM'; iv: string };
  data: string;
}

/** Everything but `data`, `check` and the IV is bound as additional data: a changed parameter fails decryption. */
const backupAad = (file: Pick<TesseraBackupFile, 'format' | 'version' | 'kdf'>) => envelopeAad([file.format, file.version], file.kdf);

export async function writeTesseraBackup(accounts: ImportedAccount[], password: string, kdf: KdfParams = DEFAULT_KDF, now = Date.now()): Promise<TesseraBackupFile> {
  if (typeof password !== 'string' || [...password].length < MIN_PASSWORD_LENGTH) {
    throw new BackupError('weak_password', `The backup password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  const { kdf: stored, check, key } = await newPasswordKey(password, kdf);
  const head = { format: BACKUP_FORMAT, version: BACKUP_VERSION, kdf: stored } as const;
  const payload = { exportedAt: new Date(now).toISOString(), accounts };
  const sealed = await sealText(key, encodeUtf8(JSON.stringify(payload)), backupAad(head));
  return { ...head, check, cipher: { algorithm: 'AES-256-GCM', iv: sealed.iv }, data: sealed.data };
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
  const kdf = readPasswordKdf(file.kdf);
  if (!kdf || file.cipher?.algorithm !== 'AES-256-GCM') throw corrupt();
  if (password === undefined || password === '') {
    throw new BackupError('password_required', 'This Tessera backup is encrypted: enter the password it was exported with.');
  }
  const check = readCheck(file.check);
  const sealed = readSealed({ iv: file.cipher.iv, data: file.data });
  if (!check || !sealed) throw corrupt();
  const key = await openPasswordKey(password, kdf, check);
  if (!key) throw new BackupError('wrong_password', 'Wrong password for this Tessera backup.');
  const plain = await openText(key, sealed, backupAad(file));
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
