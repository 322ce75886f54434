// The memory adapter: every repository over a MemoryDb. Alone it keeps nothing after the process ends (fast domain
// tests); the embedded adapter gives it a database that persists.
import type { Repositories } from '../repositories';
import type { EventBus, Storage, Transfer, TransferRows, TransferTable } from '../storage';
import { MemoryDb } from './db';
import { memoryBackupCodes, memoryBackupRequests } from './backup';
import { memoryAudit, memoryQrSessions, memoryRateLimits } from './qr-and-limits';
import { memorySessions, memoryTickets } from './sessions';
import { memoryLinkTokens, memoryMailQueue } from './mail-and-links';
import { memoryBackupDeliveries, memoryRecoveries } from './recovery-and-delivery';
import { memoryDevices, memoryThrottles } from './devices-and-throttles';
import { memoryRefreshTokens, memorySigningKeys } from './tokens';
import { writeAlone, writeInTransaction, type Write } from './unit';
import { memoryUsers } from './users';

export function createMemoryRepositories(db: MemoryDb, write: Write): Repositories {
  return {
    users: memoryUsers(db, write),
    sessions: memorySessions(db, write),
    tickets: memoryTickets(db, write),
    backupCodes: memoryBackupCodes(db, write),
    backupRequests: memoryBackupRequests(db, write),
    audit: memoryAudit(db, write),
    qrSessions: memoryQrSessions(db, write),
    rateLimits: memoryRateLimits(db, write),
    linkTokens: memoryLinkTokens(db, write),
    mail: memoryMailQueue(db, write),
    recoveries: memoryRecoveries(db, write),
    backupDeliveries: memoryBackupDeliveries(db, write),
    devices: memoryDevices(db, write),
    throttles: memoryThrottles(db, write),
    refreshTokens: memoryRefreshTokens(db, write),
    signingKeys: memorySigningKeys(db, write),
  };
}

/** Subscribers hear every message, in this process only. */
export function createLocalBus(): EventBus {
  const listeners = new Set<(message: string) => void>();
  return {
    async publish(message) {
      for (const listener of [...listeners]) listener(message);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    isListening: () => true,
    onDeaf: () => () => undefined,
  };
}

const BATCH = 1000;

function memoryTransfer(db: MemoryDb, write: Write): Transfer {
  const tableOf = (table: Exclude<TransferTable, 'audit'>) => db[table];
  return {
    async *export<T extends TransferTable>(table: T): AsyncIterable<TransferRows[T][]> {
      if (table === 'audit') {
        yield* db.audit.batches(BATCH) as AsyncIterable<TransferRows[T][]>;
        return;
      }
      const rows = [...tableOf(table as Exclude<TransferTable, 'audit'>).values()] as TransferRows[T][];
      for (let start = 0; start < rows.length; start += BATCH) yield structuredClone(rows.slice(start, start + BATCH));
    },
    import: <T extends TransferTable>(table: T, rows: TransferRows[T][]) =>
      write(() => {
        if (table === 'audit') throw new Error('The memory adapter takes no audit import.');
        const target = tableOf(table as Exclude<TransferTable, 'audit'>) as unknown as { get(key: string): unknown; put(row: unknown): void; keyOf(row: unknown): string };
        let added = 0;
        for (const row of rows) {
          if (target.get(target.keyOf(row)) !== null) continue;
          target.put(structuredClone(row));
          added++;
        }
        return added;
      }),
  };
}

export function createMemoryStorage(db = new MemoryDb(), options: { kind?: Storage['kind']; description?: string; close?: () => Promise<void> } = {}): Storage {
  const write = writeAlone(db);
  const tx = createMemoryRepositories(db, writeInTransaction);
  return {
    ...createMemoryRepositories(db, write),
    kind: options.kind ?? 'memory',
    description: options.description ?? 'memory',
    transaction: (work) => db.transaction(() => work(tx)),
    bus: createLocalBus(),
    transfer: memoryTransfer(db, write),
    close: options.close ?? (async () => undefined),
  };
}
