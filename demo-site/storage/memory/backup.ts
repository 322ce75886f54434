import type { BackupCodeRepository, BackupRequestRepository } from '../repositories';
import type { BackupCodeRequest } from '../rows';
import type { MemoryDb } from './db';
import { copyRow, type Write } from './unit';

export function memoryBackupCodes(db: MemoryDb, write: Write): BackupCodeRepository {
  const { backupCodes } = db;
  const unused = (userId: string) => backupCodes.findBy('user', userId).filter((code) => code.usedAt === null);
  return {
    replaceForUser: (userId, hashes) =>
      write(() => {
        const revoked = unused(userId).length;
        for (const code of backupCodes.findBy('user', userId)) backupCodes.delete(backupCodes.keyOf(code));
        for (const hash of hashes) backupCodes.put({ userId, hash, usedAt: null });
        return revoked;
      }),
    redeem: (userId, hash, usedAt) =>
      write(() => {
        const code = backupCodes.get(`${userId}:${hash}`);
        if (!code || code.usedAt !== null) return false;
        backupCodes.put({ ...code, usedAt });
        return true;
      }),
    countUnused: async (userId) => unused(userId).length,
  };
}

export function memoryBackupRequests(db: MemoryDb, write: Write): BackupRequestRepository {
  const { backupRequests: requests } = db;
  const openFor = (userId: string) => requests.findBy('user', userId).find((request) => request.status === 'open') ?? null;
  return {
    openOrUpdate: ({ id, userId, message, ip, now }) =>
      write(() => {
        const open = openFor(userId);
        const request: BackupCodeRequest = open
          ? { ...open, message, ip, updatedAt: now }
          : { id, userId, status: 'open', message, createdAt: now, updatedAt: now, ip };
        requests.put(request);
        return { ...request };
      }),
    find: async (id) => copyRow(requests.get(id)),
    findOpenForUser: async (userId) => copyRow(openFor(userId)),
    latestForUser: async (userId) => copyRow(requests.findBy('user', userId).at(-1) ?? null),
    close: (id, { status, now, reason }) =>
      write(() => {
        const request = requests.get(id);
        if (!request || request.status !== 'open') return null;
        const closed: BackupCodeRequest = { ...request, status, updatedAt: now, ...(reason !== undefined ? { reason } : {}) };
        requests.put(closed);
        return closed;
      }),
    listByStatus: async (status, limit) =>
      requests
        .findBy('status', status)
        .sort((a, b) => a.createdAt - b.createdAt)
        .slice(0, limit)
        .map((request) => ({ ...request, userEmail: db.users.get(request.userId)?.email ?? null })),
  };
}
