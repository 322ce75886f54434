// The change journal beside the data file (tessera-site.journal): each flush appends one JSON line holding the rows it
// changed or removed and where the audit log then ends, and fsyncs it. A write costs what it changed, not the size of
// the store; the data file is rewritten whole only when the journal has outgrown it. At start the data file is read
// and the journal's lines applied in order; a torn last line (a crash mid-append) was never acknowledged and is cut.
import { constants } from 'node:fs';
import { open, readFile, stat, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ChangedRow } from '../memory/table';
import type { AuditPosition } from './audit-files';
import { syncPath } from './durable-file';

export const JOURNAL_FILE = 'tessera-site.journal';

export interface JournalLine { rows: ChangedRow[]; audit: AuditPosition }

/** The whole lines of the journal, and how many of its bytes they fill (the rest is a torn line). */
export async function readJournal(path: string): Promise<{ lines: JournalLine[]; bytes: number; torn: boolean }> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], bytes: 0, torn: false };
    throw error;
  }
  const lines: JournalLine[] = [];
  let start = 0;
  for (let end = data.indexOf(10, start); end >= 0; start = end + 1, end = data.indexOf(10, start)) {
    try {
      lines.push(JSON.parse(data.toString('utf8', start, end)) as JournalLine);
    } catch {
      if (data.indexOf(10, end + 1) >= 0) throw new Error(`The journal ${path} is damaged before its end: restore the data folder from a backup.`);
      break;
    }
  }
  return { lines, bytes: start, torn: start < data.length };
}

export class Journal {
  private constructor(private readonly path: string, private size: number) {}

  /** Opens the journal for appending after its whole lines (a torn end is cut off). */
  static async open(path: string, wholeBytes: number, torn: boolean): Promise<Journal> {
    if (torn) await truncate(path, wholeBytes);
    return new Journal(path, wholeBytes);
  }

  get bytes(): number {
    return this.size;
  }

  /** Appends one line and returns once it is on disk. */
  async append(line: JournalLine): Promise<void> {
    const data = Buffer.from(`${JSON.stringify(line)}\n`);
    const created = this.size === 0 && !(await exists(this.path));
    const handle = await open(this.path, constants.O_WRONLY | constants.O_CREAT, 0o600);
    try {
      await handle.write(data, 0, data.length, this.size);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (created) await syncPath(dirname(this.path));
    this.size += data.length;
  }

  /** Empties the journal once the data file holds everything in it. */
  async clear(): Promise<void> {
    if (this.size === 0) return;
    await truncate(this.path, 0);
    await syncPath(this.path);
    this.size = 0;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? false : Promise.reject(error)),
  );
}
