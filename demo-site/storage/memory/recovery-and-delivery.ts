import type { BackupDeliveryRepository, RecoveryRepository } from '../repositories';
import type { MemoryDb } from './db';
import { copyRow, type Write } from './unit';

export function memoryRecoveries(db: MemoryDb, write: Write): RecoveryRepository {
  const { recoveries } = db;
  const openFor = (userId: string) => recoveries.findBy('user', userId).find((r) => r.state === 'awaiting_email' || r.state === 'waiting') ?? null;
  return {
    insert: (recovery) =>
      write(() => {
        if (openFor(recovery.userId)) return false;
        recoveries.put({ ...recovery });
        return true;
      }),
    find: async (id) => copyRow(recoveries.get(id)),
    findOpenForUser: async (userId) => copyRow(openFor(userId)),
    transition: (id, from, patch) =>
      write(() => {
        const recovery = recoveries.get(id);
        if (!recovery || !from.includes(recovery.state)) return null;
        const next = { ...recovery, ...patch };
        recoveries.put(next);
        return { ...next };
      }),
    listOpen: async (limit) =>
      recoveries
        .findBy('open', 'open')
        .sort((a, b) => a.createdAt - b.createdAt)
        .slice(0, limit)
        .map((recovery) => ({ ...recovery, userEmail: db.users.get(recovery.userId)?.email ?? null })),
  };
}

export function memoryBackupDeliveries(db: MemoryDb, write: Write): BackupDeliveryRepository {
  const { backupDeliveries: deliveries } = db;
  return {
    insert: (delivery) => write(() => deliveries.put({ ...delivery })),
    find: async (id) => copyRow(deliveries.get(id)),
    latestForUser: async (userId) => copyRow(deliveries.findBy('user', userId).sort((a, b) => a.createdAt - b.createdAt).at(-1) ?? null),
    findByRequest: async (requestId) => copyRow(deliveries.findOneBy('request', requestId)),
    take: (id, now) =>
      write(() => {
        const delivery = deliveries.get(id);
        if (!delivery || delivery.codesBox === null || delivery.expiresAt <= now) return null;
        deliveries.put({ ...delivery, codesBox: null, fetchedAt: now });
        return delivery.codesBox;
      }),
    dropForUser: (userId) =>
      write(() => {
        const holding = deliveries.findBy('user', userId).filter((delivery) => delivery.codesBox !== null);
        for (const delivery of holding) deliveries.put({ ...delivery, codesBox: null });
        return holding.length;
      }),
    dropExpired: (now) =>
      write(() => {
        const expired = deliveries.findBy('holding', 'holding').filter((delivery) => delivery.expiresAt <= now);
        for (const delivery of expired) deliveries.put({ ...delivery, codesBox: null });
        return expired.length;
      }),
  };
}
