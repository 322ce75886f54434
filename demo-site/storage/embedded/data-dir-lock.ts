// One process per data folder: two writing the same files would each overwrite the other's changes.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from '../../errors';

const LOCK_FILE = 'tessera-site.lock';
const heldHere = new Set<string>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder for this process; a lock left by a process that is gone (killed) is taken over. */
export function lockDataDir(dataDir: string): () => void {
  const path = join(resolve(dataDir), LOCK_FILE);
  const owner = Number.parseInt(readLock(path), 10);
  const ours = owner === process.pid;
  if ((ours && heldHere.has(path)) || (!ours && owner > 0 && isRunning(owner))) {
    throw new ConfigError(
      `Another site process (pid ${owner}) is using the data folder ${dataDir}: stop it first. ` +
        'To run several processes, set DATABASE_URL (PostgreSQL).',
    );
  }
  writeFileSync(path, `${process.pid}\n`, { mode: 0o600 });
  heldHere.add(path);
  return () => {
    heldHere.delete(path);
    if (Number.parseInt(readLock(path), 10) === process.pid) unlinkSync(path);
  };
}

function readLock(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
