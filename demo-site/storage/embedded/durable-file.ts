// A lowdb adapter whose write resolves only once the bytes are on disk: temp file, fsync, rename, fsync the folder.
// A crash at any moment leaves either the old file or the new one, never a mix.
import { open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Adapter } from 'lowdb';

/** Writes `data` to `path` (or only syncs it when no data is given) and fsyncs it. */
export async function syncPath(path: string, data?: string): Promise<void> {
  const handle = await open(path, data === undefined ? 'r' : 'w', 0o600);
  try {
    if (data !== undefined) await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export class DurableJsonFile<T> implements Adapter<T> {
  constructor(private readonly file: string) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new Error(`The data file ${this.file} is not valid JSON: restore it from a backup, or move it away to start empty.`);
    }
  }

  async write(data: T): Promise<void> {
    const temp = `${this.file}.tmp`;
    await syncPath(temp, JSON.stringify(data));
    await rename(temp, this.file);
    await syncPath(dirname(this.file));
  }
}
