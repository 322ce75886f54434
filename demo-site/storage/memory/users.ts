import type { UserListQuery, UserRepository, UserSummary } from '../repositories';
import type { User } from '../rows';
import type { MemoryDb } from './db';
import { copyRow, type Write } from './unit';

export function memoryUsers(db: MemoryDb, write: Write): UserRepository {
  const { users } = db;
  /** Applies `patch` to the user if `when` holds for it; true when it did. */
  const change = (id: string, when: (user: User) => boolean, patch: (user: User) => Partial<User>) =>
    write(() => {
      const user = users.get(id);
      if (!user || !when(user)) return false;
      users.put({ ...user, ...patch(user) });
      return true;
    });
  const always = () => true;
  const codesLeft = (userId: string) => db.backupCodes.findBy('user', userId).filter((code) => code.usedAt === null).length;

  return {
    findById: async (id) => copyRow(users.get(id)),
    findByEmail: async (email) => copyRow(users.findOneBy('email', email)),
    insert: (user) =>
      write(() => {
        if (users.findOneBy('email', user.email)) return false;
        users.put({ ...user });
        return true;
      }),
    async list({ email, page, pageSize }: UserListQuery) {
      const wanted = email?.toLowerCase();
      const matching = [...users.values()].filter((user) => !wanted || user.email.includes(wanted)).reverse();
      const start = (page - 1) * pageSize;
      const shown: UserSummary[] = matching.slice(start, start + pageSize).map((user) => ({ ...structuredClone(user), codesLeft: codesLeft(user.id) }));
      return { users: shown, total: matching.length };
    },
    findAnyEnrolled: async () => {
      for (const user of users.values()) if (user.totp) return copyRow(user);
      return null;
    },
    hasAdmin: async () => users.findOneBy('admin', 'admin') !== null,
    setRole: async (id, role) => void (await change(id, always, () => ({ role }))),
    setPasswordHash: async (id, passwordHash) => void (await change(id, always, () => ({ passwordHash }))),
    recordFailure: (id, { threshold, lockMs, now }) =>
      write(() => {
        const user = users.get(id);
        if (!user) return { lockedUntil: null };
        const lockRanOut = user.lockedUntil !== null && user.lockedUntil <= now;
        const failures = (lockRanOut ? 0 : user.failedAttempts) + 1;
        const locks = failures >= threshold;
        const lockedUntil = locks ? now + lockMs : lockRanOut ? null : user.lockedUntil;
        users.put({ ...user, failedAttempts: locks ? 0 : failures, lockedUntil });
        return { lockedUntil: locks ? lockedUntil : null };
      }),
    markSignedIn: async (id, now) => void (await change(id, always, () => ({ failedAttempts: 0, lockedUntil: null, lastSignInAt: now }))),
    unlock: async (id) => void (await change(id, always, () => ({ failedAttempts: 0, lockedUntil: null }))),
    setPendingTotp: (id, pending, activeBox) => change(id, (user) => (user.totp?.secretBox ?? null) === activeBox, () => ({ pendingTotp: { ...pending } })),
    activateTotp: (id, totp, pendingBox) =>
      change(id, (user) => user.totp === null && user.pendingTotp?.secretBox === pendingBox, () => ({ totp: { ...totp }, pendingTotp: null, status: 'active', enrolRequired: false })),
    replaceTotp: (id, totp, pendingBox) =>
      change(id, (user) => user.totp !== null && user.pendingTotp?.secretBox === pendingBox, () => ({ totp: { ...totp }, pendingTotp: null })),
    clearPendingTotp: (id, pendingBox) => change(id, (user) => user.pendingTotp?.secretBox === pendingBox, () => ({ pendingTotp: null })),
    advanceTotpStep: (id, step) =>
      change(id, (user) => user.totp !== null && user.totp.lastStep < step, (user) => ({ totp: { ...user.totp!, lastStep: step } })),
    disableTotp: (id, { enrolAgain = false } = {}) =>
      change(id, (user) => user.totp !== null, (user) => ({ totp: null, pendingTotp: null, failedAttempts: 0, enrolRequired: enrolAgain || user.enrolRequired })),
    deleteAbandoned: ({ unenrolledUpTo, unverifiedUpTo }) =>
      write(() => {
        const unenrolled = users.findBy('pending', 'pending').filter((user) => (user.emailVerifiedAt ?? user.createdAt) <= unenrolledUpTo);
        const unverified = unverifiedUpTo === undefined ? [] : users.findBy('unverified', 'unverified').filter((user) => user.lastSignInAt === null && user.createdAt <= unverifiedUpTo);
        const stale = new Set([...unenrolled, ...unverified].map((user) => user.id));
        for (const id of stale) deleteUserWithData(db, id);
        return stale.size;
      }),
    markEmailVerified: (id, email, now) => change(id, (user) => user.email === email, (user) => ({ emailVerifiedAt: user.emailVerifiedAt ?? now })),
    changeEmail: (id, email, now) =>
      write(() => {
        const user = users.get(id);
        const holder = users.findOneBy('email', email);
        if (!user || (holder && holder.id !== id)) return false;
        users.put({ ...user, email, emailVerifiedAt: now });
        return true;
      }),
    freeze: (id, now) => change(id, (user) => user.frozenAt === null, () => ({ frozenAt: now })),
    unfreeze: (id) => change(id, (user) => user.frozenAt !== null, () => ({ frozenAt: null })),
    listFrozen: async (limit) =>
      users.findBy('frozen', 'frozen').sort((a, b) => b.frozenAt! - a.frozenAt!).slice(0, limit).map((user) => structuredClone(user)),
  };
}

/** What belongs to a user goes with it (the audit log stays: it is history). */
function deleteUserWithData(db: MemoryDb, userId: string): void {
  for (const family of db.refreshFamilies.findBy('user', userId)) {
    for (const token of db.refreshTokens.findBy('family', family.id)) db.refreshTokens.delete(token.hash);
  }
  for (const table of [db.backupCodes, db.sessions, db.tickets, db.backupRequests, db.linkTokens, db.recoveries, db.backupDeliveries, db.devices, db.refreshFamilies] as const) {
    const rows: any[] = table.findBy('user', userId);
    for (const row of rows) (table as { delete(key: string): unknown }).delete((table as { keyOf(row: unknown): string }).keyOf(row));
  }
  db.users.delete(userId);
}
