// The embedded adapter (no DATABASE_URL): the memory adapter's tables, kept on disk in DATA_DIR. Every change is in the
// data file (lowdb, written whole: temp file, fsync, rename) and the audit log files before the call that made it
// returns; changes made meanwhile are written together. Lookups go through in-memory indexes.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { MemoryDb } from '../memory/db';
import { createMemoryStorage } from '../memory';
import type { Storage } from '../storage';
import { FileAuditLog } from './audit-files';
import { lockDataDir } from './data-dir-lock';
import { DurableJsonFile } from './durable-file';
import { GroupCommit } from './group-commit';
import { DATA_FILE, emptySnapshot, upgradeSnapshot, type Snapshot } from './snapshot';

export interface EmbeddedOptions {
  /** Reads the folder as it is on disk and writes nothing (inspection, import); no lock is taken. */
  readOnly?: boolean;
  auditSegmentBytes?: number;
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
    const audit = await FileAuditLog.open(dataDir, existed && auditCommitted ? snapshot.audit : null, { readOnly, segmentBytes: options.auditSegmentBytes });
    const db: MemoryDb = new MemoryDb(audit, () => (readOnly ? Promise.reject(new Error('This store was opened read-only.')) : commit.request()));
    loadTables(db, snapshot);
    for (const entry of movedAudit) audit.append(entry);
    db.dirty = upgraded;

    const commit = new GroupCommit(async () => {
      const pending = audit.takePending();
      low.data = {
        version: snapshot.version, users: [...db.users.values()], backupCodes: [...db.backupCodes.values()], sessions: [...db.sessions.values()],
        tickets: [...db.tickets.values()], backupRequests: [...db.backupRequests.values()], linkTokens: [...db.linkTokens.values()],
        mail: [...db.mail.values()], recoveries: [...db.recoveries.values()], backupDeliveries: [...db.backupDeliveries.values()],
        devices: [...db.devices.values()], signingKeys: [...db.signingKeys.values()], refreshFamilies: [...db.refreshFamilies.values()],
        refreshTokens: [...db.refreshTokens.values()], audit: pending.tail,
      };
      db.dirty = false;
      try {
        await audit.write(pending);
        await low.write();
        audit.markWritten(pending);
      } catch (error) {
        db.dirty = true;
        throw error;
      }
    }, () => db.dirty || audit.hasPending);
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

function loadTables(db: MemoryDb, snapshot: Snapshot): void {
  for (const user of snapshot.users) db.users.put(user);
  for (const code of snapshot.backupCodes) db.backupCodes.put(code);
  for (const session of snapshot.sessions) db.sessions.put(session);
  for (const ticket of snapshot.tickets) db.tickets.put(ticket);
  for (const request of snapshot.backupRequests) db.backupRequests.put(request);
  for (const token of snapshot.linkTokens) db.linkTokens.put(token);
  for (const message of snapshot.mail) db.mail.put(message);
  for (const recovery of snapshot.recoveries) db.recoveries.put(recovery);
  for (const delivery of snapshot.backupDeliveries) db.backupDeliveries.put(delivery);
  for (const device of snapshot.devices) db.devices.put(device);
  for (const key of snapshot.signingKeys) db.signingKeys.put(key);
  for (const family of snapshot.refreshFamilies) db.refreshFamilies.put(family);
  for (const token of snapshot.refreshTokens) db.refreshTokens.put(token);
}
