import type { DeviceRepository, ThrottleRepository } from '../repositories';
import { blockedUntilAfter } from '../throttle-rule';
import type { MemoryDb } from './db';
import { copyRow, type Write } from './unit';

export function memoryDevices(db: MemoryDb, write: Write): DeviceRepository {
  const { devices } = db;
  return {
    insert: (device) => write(() => devices.put({ ...device })),
    findMany: async (idHashes) => idHashes.map((idHash) => copyRow(devices.get(idHash))).filter((device) => device !== null),
    recordFailure: (idHash) =>
      write(() => {
        const device = devices.get(idHash);
        if (!device) return 0;
        devices.put({ ...device, failures: device.failures + 1 });
        return device.failures + 1;
      }),
    markUsed: (idHash, now) =>
      write(() => {
        const device = devices.get(idHash);
        if (device) devices.put({ ...device, failures: 0, lastUsedAt: now });
      }),
    delete: (idHash) => write(() => devices.delete(idHash) !== null),
    deleteForUser: (userId, exceptIdHash) =>
      write(() => {
        const gone = devices.findBy('user', userId).filter((device) => device.idHash !== exceptIdHash);
        for (const device of gone) devices.delete(device.idHash);
        return gone.length;
      }),
    deleteUnusedUpTo: (upTo) =>
      write(() => {
        const unused = [...devices.values()].filter((device) => device.lastUsedAt <= upTo);
        for (const device of unused) devices.delete(device.idHash);
        return unused.length;
      }),
  };
}

export function memoryThrottles(db: MemoryDb, write: Write): ThrottleRepository {
  const { throttles } = db;
  return {
    findMany: async (keys) => keys.map((key) => copyRow(throttles.get(key))).filter((throttle) => throttle !== null),
    recordFailure: (key, rule) =>
      write(() => {
        const failures = (throttles.get(key)?.failures ?? 0) + 1;
        throttles.put({ key, failures, blockedUntil: blockedUntilAfter(failures, rule), updatedAt: rule.now });
      }),
    clear: (key) => write(() => void throttles.delete(key)),
    deleteIdleUpTo: (upTo) =>
      write(() => {
        const idle = [...throttles.values()].filter((throttle) => throttle.updatedAt <= upTo);
        for (const throttle of idle) throttles.delete(throttle.key);
        return idle.length;
      }),
  };
}
