// The PostgreSQL adapter sends statements without waiting for each answer (several on one connection, in one write),
// and in a transaction holds back changes that return nothing: whatever fails among them must still fail the whole
// transaction, with its own error, and nothing else.
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openPostgresStorage } from '../../demo-site/storage/postgres';
import type { Storage } from '../../demo-site/storage/storage';
import { createDatabase } from '../support/postgres';
import { sampleAudit, sampleUser } from './support/rows';

describe('PostgreSQL statements and transactions', () => {
  let storage: Storage;
  let drop: () => Promise<void>;
  beforeEach(async () => {
    const database = await createDatabase(inject('postgresAdminUrl'));
    storage = await openPostgresStorage(database.url);
    drop = database.drop;
  });
  afterEach(async () => {
    await storage.close();
    await drop();
  });

  const auditTotal = async () => (await storage.audit.query({ page: 1, pageSize: 10 })).total;

  it('see their own changes, made without waiting, and keep them all once they return', async () => {
    const user = sampleUser('seen@example.com');
    const found = await storage.transaction(async (tx) => {
      await tx.users.insert(user);
      await tx.sessions.insert({ idHash: 's1', userId: user.id, scope: 'full', createdAt: 1, lastSeenAt: 1 });
      await tx.audit.append(sampleAudit('a1'));
      return tx.sessions.find('s1');
    });
    expect(found).toMatchObject({ userId: user.id });
    expect(await storage.sessions.find('s1')).not.toBeNull();
    expect(await auditTotal()).toBe(1);
  });

  it('made of changes alone, keep every one of them, the account changed and rows referring to it added together', async () => {
    const user = sampleUser('together@example.com');
    await storage.users.insert(user);
    await storage.transaction(async (tx) => {
      await tx.users.markSignedIn(user.id, 77);
      await tx.sessions.insert({ idHash: 's2', userId: user.id, scope: 'full', createdAt: 77, lastSeenAt: 77 });
      await tx.devices.insert({ idHash: 'd2', userId: user.id, createdAt: 77, lastUsedAt: 77, failures: 0 });
      await tx.audit.append(sampleAudit('a2', { userId: user.id }));
      await tx.audit.append(sampleAudit('a3', { userId: user.id }));
    });
    expect(await storage.users.findById(user.id)).toMatchObject({ lastSignInAt: 77 });
    expect(await storage.sessions.find('s2')).toMatchObject({ userId: user.id });
    expect(await storage.devices.findMany(['d2'])).toHaveLength(1);
    expect((await storage.audit.query({ userId: user.id, page: 1, pageSize: 10 })).entries.map((entry) => entry.id)).toEqual(['a3', 'a2']);
  });

  it('fail with the first failed change, not waited for, and keep nothing of what came before or after it', async () => {
    const user = sampleUser('kept@example.com');
    const outcome = storage.transaction(async (tx) => {
      await tx.users.insert(user);
      await tx.audit.append(sampleAudit('before'));
      // No such account: the database refuses the session, after this call has returned.
      await tx.sessions.insert({ idHash: 'orphan', userId: 'nobody', scope: 'full', createdAt: 1, lastSeenAt: 1 });
      await tx.audit.append(sampleAudit('after'));
      return 'done';
    });
    await expect(outcome).rejects.toMatchObject({ code: '23503' });
    expect(await storage.users.findByEmail('kept@example.com')).toBeNull();
    expect(await auditTotal()).toBe(0);
  });

  it('report that failure, too, to a read made after it', async () => {
    const read = storage.transaction(async (tx) => {
      await tx.sessions.insert({ idHash: 'orphan', userId: 'nobody', scope: 'full', createdAt: 1, lastSeenAt: 1 });
      return tx.users.findByEmail('anyone@example.com');
    });
    await expect(read).rejects.toMatchObject({ code: '23503' });
  });

  it('fail even when the caller caught the failed statement: nothing is kept', async () => {
    const user = sampleUser('twice@example.com');
    await storage.users.insert(user);
    const outcome = storage.transaction(async (tx) => {
      await tx.audit.append(sampleAudit('lost'));
      // The same id again: refused by the primary key, and the caller looks away.
      await tx.users.insert({ ...user, email: 'other@example.com' }).catch(() => false);
      return 'done';
    });
    await expect(outcome).rejects.toMatchObject({ code: '23505' });
    expect(await auditTotal()).toBe(0);
  });

  it('do not bind statements that merely go out together outside a transaction: each stands alone', async () => {
    const [refused, kept, read] = await Promise.allSettled([
      storage.sessions.insert({ idHash: 'orphan', userId: 'nobody', scope: 'full', createdAt: 1, lastSeenAt: 1 }),
      storage.audit.append(sampleAudit('alone')),
      storage.users.findByEmail('nobody@example.com'),
    ]);
    expect(refused).toMatchObject({ status: 'rejected', reason: { code: '23503' } });
    expect(kept.status).toBe('fulfilled');
    expect(read).toEqual({ status: 'fulfilled', value: null });
    expect(await auditTotal()).toBe(1);
  });

  it('leave the connection usable after a failure', async () => {
    for (let i = 0; i < 12; i++) {
      await expect(storage.transaction((tx) => tx.sessions.insert({ idHash: `o${i}`, userId: 'nobody', scope: 'full', createdAt: 1, lastSeenAt: 1 }))).rejects.toThrow();
    }
    await storage.transaction((tx) => tx.audit.append(sampleAudit('fine')));
    expect(await auditTotal()).toBe(1);
  });
});
