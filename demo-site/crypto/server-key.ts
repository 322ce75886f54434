// The server key encrypts TOTP secrets at rest. It comes from TESSERA_SECRET when set, otherwise from a key file
// created once with mode 0600 in the data folder.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../errors';

export const KEY_FILE = 'server.key';

function readKeyFile(path: string): Buffer | null {
  try {
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
    if (key.length !== 32) throw new ConfigError(`The server key file ${KEY_FILE} is damaged: it must hold 64 hex characters.`);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export function loadServerKey(dataDir: string, secret?: string): Buffer {
  if (secret) return createHash('sha256').update(`tessera-site-key:${secret}`).digest();
  const path = join(dataDir, KEY_FILE);
  const existing = readKeyFile(path);
  if (existing) return existing;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  // 'wx' refuses to overwrite a key another process created in the meantime.
  try {
    writeFileSync(path, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readKeyFile(path)!;
    throw error;
  }
  return key;
}
