// The embedded adapter (no DATABASE_URL): the memory adapter's tables, kept on disk in DATA_DIR. Every change is in the
// journal and the audit log files before the call that made it returns; changes made meanwhile are written together.
// The data file (lowdb, written whole: temp file, fsync, rename) is rewritten only when the journal has outgrown it, so
// a write costs what it changed. Lookups go through in-memory indexes.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { MemoryDb } from '../memory/db';
import { createMemoryStorage } from '../memory';
import type { Storage } from '../storage';
import { FileAuditLog, type AuditPosition } from './audit-files';
import { lockDataDir } from './data-dir-lock';
import { DurableJsonFile } from './durable-file';
import { GroupCommit } from './group-commit';
import { Journal, JOURNAL_FILE, readJournal } from './journal';
import { DATA_FILE, emptySnapshot, upgradeSnapshot, type Snapshot } from './snapshot';

/** The journal may grow to the data file's size, and at least this much, before the data file is rewritten. */
const JOURNAL_MIN_BYTES = 8 * 1024 * 1024;

export interface EmbeddedOptions {
  /** Reads the folder as it is on disk and writes nothing (inspection, import); no lock is taken. */
  readOnly?: boolean;
  auditSegmentBytes?: number;
  journalMinBytes?: number;
}

export async function openEmbeddedStorage(dataDir: string, options: EmbeddedOptions = {}): Promise<Storage> {
  const readOnly = options.readOnly ?? false;
  if (!readOnly) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const release = readOnly ? () => undefined : lockDataDir(dataDir);
  try {
    const path = join(dataDir, DATA_FILE);
    const existed = existsSync(path);
    const low = new Low<Snapshot>(new DurableJsonFile<Snapshot>(path), emptySnapshot());
    await low.read();
    const { snapshot, movedAudit, upgraded, auditCommitted } = upgradeSnapshot(existed ? (low.data as unknown as Record<string, unknown>) : null);
    const journalPath = join(dataDir, JOURNAL_FILE);
    const journaled = await readJournal(journalPath);
    const committedAudit = journaled.lines.at(-1)?.audit ?? (existed && auditCommitted ? snapshot.audit : null);
    const audit = await FileAuditLog.open(dataDir, committedAudit, { readOnly, segmentBytes: options.auditSegmentBytes });
    const db: MemoryDb = new MemoryDb(audit, () => (readOnly ? Promise.reject(new Error('This store was opened read-only.')) : commit.request()));
    const stored = snapshot as unknown as Record<string, unknown[] | undefined>;
    for (const table of db.durableTables()) db.loadRows(table, stored[table.name] ?? []);
    for (const line of journaled.lines) db.applyRows(line.rows);
    for (const entry of movedAudit) audit.append(entry);
    const journal = readOnly ? null : await Journal.open(journalPath, journaled.bytes, journaled.torn);
    let dataFileBytes = existed ? statSync(path).size : 0;
    const journalFull = () => journal!.bytes > Math.max(options.journalMinBytes ?? JOURNAL_MIN_BYTES, dataFileBytes);
    // A new or upgraded data file is written whole at once, in the current format; a full journal folded into it.
    let rewrite = !readOnly && (!existed || upgraded || journalFull());

    const snapshotOf = (auditTail: AuditPosition): Snapshot => {
      const data = { version: snapshot.version, audit: auditTail } as Record<string, unknown>;
      for (const table of db.durableTables()) data[table.name] = [...table.values()];
      return data as unknown as Snapshot;
    };
    const commit = new GroupCommit(async () => {
      // The picture is taken before the first await: what changes meanwhile goes in the next flush.
      const pending = audit.takePending();
      const rows = db.takeChanges();
      const whole = rewrite || journalFull() ? snapshotOf(pending.tail) : null;
      try {
        await audit.write(pending);
        if (rows.length > 0 || pending.lines.length > 0) await journal!.append({ rows, audit: pending.tail });
        audit.markWritten(pending);
      } catch (error) {
        db.giveBackChanges(rows);
        throw error;
      }
      if (!whole) return;
      // Everything in the journal is in `whole` too, so replaying the journal over it (a crash before the journal is
      // emptied) ends in the same rows. The callers' changes are durable already: a failed fold is tried again at the
      // next write, not reported to them.
      try {
        low.data = whole;
        await low.write();
        await journal!.clear();
        dataFileBytes = statSync(path).size;
        rewrite = false;
      } catch (error) {
        console.error(`[site] the data file could not be rewritten (the journal keeps every change): ${(error as Error).message}`);
      }
    }, () => rewrite || db.hasChanges || audit.hasPending);
    if (!readOnly) await commit.request();
    return createMemoryStorage(db, {
      kind: 'embedded',
      description: `the data folder ${dataDir}`,
      close: async () => {
        await commit.idle();
        release();
      },
    });
  } catch (error) {
    release();
    throw error;
  }
}
