// A lowdb adapter whose write resolves only once the bytes are on disk: temp file, fsync, rename, fsync the folder.
// Writes are serialised; a write asked for while one runs is folded into the next, which saves the latest data.
import { open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Adapter } from 'lowdb';

async function syncPath(path: string, data?: string): Promise<void> {
  const handle = await open(path, data === undefined ? 'r' : 'w', 0o600);
  try {
    if (data !== undefined) await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export class DurableJsonFile<T> implements Adapter<T> {
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private latest: T | null = null;

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

  write(data: T): Promise<void> {
    this.latest = data;
    if (!this.running) return this.start();
    // Everyone who asks while a write runs is answered by the one write that follows it, whether the running one
    // succeeded or failed (its own callers hear of its failure; a failed write must not fail the next ones too).
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.start();
      });
    return this.queued;
  }

  private start(): Promise<void> {
    const text = JSON.stringify(this.latest);
    const run = this.persist(text).finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  private async persist(text: string): Promise<void> {
    const temp = `${this.file}.tmp`;
    await syncPath(temp, text);
    await rename(temp, this.file);
    await syncPath(dirname(this.file));
  }
}
