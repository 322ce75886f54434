// What every storage adapter promises the domain, as one suite each adapter runs (memory, embedded, PostgreSQL).
// A new repository adds its cases here.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../demo-site/storage/storage';
import { sampleAudit, sampleFamily, sampleQr, sampleRefreshToken, sampleSigningKey, sampleUser } from './support/rows';

export interface OpenedStorage { storage: Storage; cleanup(): Promise<void> }

const times = <T>(n: number, make: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => make(i)));
const count = (results: boolean[]) => results.filter(Boolean).length;

export function describeRepositoryContract(adapter: string, open: () => Promise<OpenedStorage>): void {
  describe(`${adapter} storage`, () => {
    let opened: OpenedStorage;
    let storage: Storage;
    beforeEach(async () => {
      opened = await open();
      storage = opened.storage;
    });
    afterEach(async () => opened.cleanup());

    it('users: one account per email, found by email and id, listed newest first with codes left', async () => {
      const ada = sampleUser('ada@example.com', { createdAt: 1 });
      expect(await storage.users.insert(ada)).toBe(true);
      expect(await storage.users.insert(sampleUser('ada@example.com'))).toBe(false);
      await storage.users.insert(sampleUser('bob@example.com', { createdAt: 2, role: 'admin' }));
      expect((await storage.users.findByEmail('ada@example.com'))?.id).toBe(ada.id);
      expect(await storage.users.findById(ada.id)).toEqual(ada);
      expect(await storage.users.findById('nobody')).toBeNull();
      await storage.backupCodes.replaceForUser(ada.id, ['h1', 'h2']);
      const all = await storage.users.list({ page: 1, pageSize: 10 });
      expect(all.total).toBe(2);
      expect(all.users.map((u) => [u.email, u.codesLeft])).toEqual([['bob@example.com', 0], ['ada@example.com', 2]]);
      expect((await storage.users.list({ email: 'ADA', page: 1, pageSize: 10 })).users.map((u) => u.email)).toEqual(['ada@example.com']);
      expect((await storage.users.list({ page: 2, pageSize: 1 })).users.map((u) => u.email)).toEqual(['ada@example.com']);
      expect(await storage.users.hasAdmin()).toBe(true);
    });

    it('users: simultaneous failures each count, exactly one locks, and a lock that ran out starts the count afresh', async () => {
      const user = sampleUser('lock@example.com');
      await storage.users.insert(user);
      const rule = { threshold: 5, lockMs: 60_000, now: 10_000 };
      const results = await times(5, () => storage.users.recordFailure(user.id, rule));
      expect(results.filter((r) => r.lockedUntil !== null)).toEqual([{ lockedUntil: 70_000 }]);
      expect(await storage.users.findById(user.id)).toMatchObject({ lockedUntil: 70_000, failedAttempts: 0 });
      expect(await storage.users.recordFailure(user.id, { ...rule, now: 80_000 })).toEqual({ lockedUntil: null });
      expect(await storage.users.findById(user.id)).toMatchObject({ lockedUntil: null, failedAttempts: 1 });
      await storage.users.markSignedIn(user.id, 90_000);
      expect(await storage.users.findById(user.id)).toMatchObject({ failedAttempts: 0, lastSignInAt: 90_000 });
    });

    it('users: a TOTP step is recorded once, only forwards, by one of any number of simultaneous callers', async () => {
      const user = sampleUser('totp@example.com', { pendingTotp: { secretBox: 'pending', createdAt: 1 } });
      await storage.users.insert(user);
      expect(await storage.users.activateTotp(user.id, { secretBox: 'box', lastStep: 10 }, 'other pending')).toBe(false);
      expect(await storage.users.activateTotp(user.id, { secretBox: 'box', lastStep: 10 }, 'pending')).toBe(true);
      expect(await storage.users.findById(user.id)).toMatchObject({ totp: { secretBox: 'box', lastStep: 10 }, pendingTotp: null, status: 'active' });
      expect(await storage.users.setPendingTotp(user.id, { secretBox: 'again', createdAt: 2 }, null)).toBe(false);
      expect(count(await times(8, () => storage.users.advanceTotpStep(user.id, 11)))).toBe(1);
      expect(await storage.users.advanceTotpStep(user.id, 11)).toBe(false);
      expect(await storage.users.advanceTotpStep(user.id, 9)).toBe(false);
      expect(count(await times(4, () => storage.users.disableTotp(user.id)))).toBe(1);
      expect((await storage.users.findById(user.id))?.totp).toBeNull();
    });

    it('users: a move to a new device replaces the active secret only from the pending one set while that secret was active', async () => {
      const user = sampleUser('move@example.com', { totp: { secretBox: 'old', lastStep: 5 } });
      await storage.users.insert(user);
      expect(await storage.users.setPendingTotp(user.id, { secretBox: 'new', createdAt: 2 }, 'someone else')).toBe(false);
      expect(await storage.users.setPendingTotp(user.id, { secretBox: 'new', createdAt: 2 }, 'old')).toBe(true);
      expect(await storage.users.activateTotp(user.id, { secretBox: 'new', lastStep: 9 }, 'new')).toBe(false);
      expect(await storage.users.replaceTotp(user.id, { secretBox: 'new', lastStep: 9 }, 'stale')).toBe(false);
      expect(await storage.users.findById(user.id)).toMatchObject({ totp: { secretBox: 'old', lastStep: 5 }, pendingTotp: { secretBox: 'new' } });
      expect(count(await times(4, () => storage.users.replaceTotp(user.id, { secretBox: 'new', lastStep: 9 }, 'new')))).toBe(1);
      expect(await storage.users.findById(user.id)).toMatchObject({ totp: { secretBox: 'new', lastStep: 9 }, pendingTotp: null });

      expect(await storage.users.setPendingTotp(user.id, { secretBox: 'newer', createdAt: 3 }, 'new')).toBe(true);
      expect(await storage.users.clearPendingTotp(user.id, 'other')).toBe(false);
      expect(count(await times(3, () => storage.users.clearPendingTotp(user.id, 'newer')))).toBe(1);
      expect(await storage.users.findById(user.id)).toMatchObject({ totp: { secretBox: 'new' }, pendingTotp: null });
    });

    it('users: an abandoned signup goes with its sessions, tickets, codes and requests', async () => {
      const stale = sampleUser('stale@example.com', { status: 'pending', createdAt: 100, emailVerifiedAt: null });
      const kept = sampleUser('kept@example.com', { status: 'pending', createdAt: 500, emailVerifiedAt: null });
      await storage.users.insert(stale);
      await storage.users.insert(kept);
      await storage.sessions.insert({ idHash: 's1', userId: stale.id, scope: 'enrol', createdAt: 100, lastSeenAt: 100 });
      await storage.tickets.insert({ idHash: 't1', userId: stale.id, expiresAt: 10_000, failures: 0, wantsTokens: false });
      await storage.backupCodes.replaceForUser(stale.id, ['h']);
      await storage.refreshTokens.insertFamily(sampleFamily('f1', stale.id), sampleRefreshToken('r1', 'f1'));
      expect(await storage.users.deleteAbandoned({ unenrolledUpTo: 200 })).toBe(1);
      expect(await storage.refreshTokens.find('r1')).toBeNull();
      expect(await storage.refreshTokens.findFamily('f1')).toBeNull();
      expect(await storage.users.findById(stale.id)).toBeNull();
      expect(await storage.sessions.find('s1')).toBeNull();
      expect(await storage.tickets.find('t1')).toBeNull();
      expect(await storage.backupCodes.countUnused(stale.id)).toBe(0);
      expect(await storage.users.findById(kept.id)).not.toBeNull();
    });

    it('sessions and tickets: touched, rescoped, expired; a ticket dies at its last attempt and is consumed once', async () => {
      const user = sampleUser('s@example.com');
      await storage.users.insert(user);
      await storage.sessions.insert({ idHash: 'a', userId: user.id, scope: 'enrol', createdAt: 1_000, lastSeenAt: 1_000 });
      await storage.sessions.insert({ idHash: 'b', userId: user.id, scope: 'enrol', createdAt: 5_000, lastSeenAt: 5_000 });
      await storage.sessions.touch('b', 9_000);
      await storage.sessions.setScopeForUser(user.id, 'full');
      expect(await storage.sessions.find('b')).toMatchObject({ scope: 'full', lastSeenAt: 9_000 });
      expect(await storage.sessions.deleteExpired({ seenUpTo: 2_000, createdUpTo: 0 })).toBe(1);
      expect(await storage.sessions.delete('b')).toBe(true);
      expect(await storage.sessions.delete('b')).toBe(false);

      await storage.tickets.insert({ idHash: 't', userId: user.id, expiresAt: 10_000, failures: 0, wantsTokens: false });
      expect(await storage.tickets.findWithUser('t')).toEqual({ ticket: { idHash: 't', userId: user.id, expiresAt: 10_000, failures: 0, wantsTokens: false }, user });
      expect(await storage.tickets.findWithUser('nope')).toBeNull();
      expect(await storage.tickets.recordFailure('t', 3)).toBe(2);
      expect(await storage.tickets.recordFailure('t', 3)).toBe(1);
      expect(await storage.tickets.recordFailure('t', 3)).toBe(0);
      expect(await storage.tickets.find('t')).toBeNull();
      await storage.tickets.insert({ idHash: 'u', userId: user.id, expiresAt: 10_000, failures: 0, wantsTokens: false });
      expect(count(await times(6, () => storage.tickets.consume('u')))).toBe(1);
    });

    it('backup codes: a new set revokes the old; of simultaneous redemptions of one code exactly one wins', async () => {
      const user = sampleUser('codes@example.com');
      await storage.users.insert(user);
      expect(await storage.backupCodes.replaceForUser(user.id, ['a', 'b', 'c'])).toBe(0);
      expect(count(await times(8, () => storage.backupCodes.redeem(user.id, 'b', 42)))).toBe(1);
      expect(await storage.backupCodes.redeem(user.id, 'zzz', 42)).toBe(false);
      expect(await storage.backupCodes.countUnused(user.id)).toBe(2);
      expect(await storage.backupCodes.replaceForUser(user.id, ['d'])).toBe(2);
      expect(await storage.backupCodes.redeem(user.id, 'a', 43)).toBe(false);
      expect(await storage.backupCodes.countUnused(user.id)).toBe(1);
    });

    it('backup-code requests: one open per user, closed once, listed with the email', async () => {
      const user = sampleUser('req@example.com');
      await storage.users.insert(user);
      const first = await storage.backupRequests.openOrUpdate({ id: 'r1', userId: user.id, message: 'lost it', ip: '1.1.1.1', now: 10 });
      const again = await storage.backupRequests.openOrUpdate({ id: 'r2', userId: user.id, message: 'still lost', ip: '2.2.2.2', now: 20 });
      expect(again).toMatchObject({ id: first.id, message: 'still lost', createdAt: 10, updatedAt: 20, status: 'open' });
      expect((await storage.backupRequests.listByStatus('open', 10)).map((r) => [r.id, r.userEmail])).toEqual([['r1', 'req@example.com']]);
      const closes = await times(3, () => storage.backupRequests.close('r1', { status: 'denied', now: 30, reason: 'who are you' }));
      expect(closes.filter(Boolean)).toEqual([expect.objectContaining({ status: 'denied', reason: 'who are you', updatedAt: 30 })]);
      expect(await storage.backupRequests.findOpenForUser(user.id)).toBeNull();
      expect((await storage.backupRequests.openOrUpdate({ id: 'r3', userId: user.id, message: 'please', ip: '', now: 40 })).id).toBe('r3');
      expect((await storage.backupRequests.latestForUser(user.id))?.id).toBe('r3');
    });

    it('audit: newest first, filtered by subject or actor and by type, in pages with the total', async () => {
      for (let i = 0; i < 7; i++) await storage.audit.append(sampleAudit(`e${i}`, { type: i % 2 ? 'odd' : 'even', userId: i < 3 ? 'u1' : 'u2', actorId: i === 6 ? 'u1' : null, details: { i } }));
      expect(await storage.audit.query({ page: 1, pageSize: 3 })).toMatchObject({ total: 7, entries: [{ id: 'e6' }, { id: 'e5' }, { id: 'e4' }] });
      expect((await storage.audit.query({ page: 3, pageSize: 3 })).entries.map((e) => e.id)).toEqual(['e0']);
      expect((await storage.audit.query({ userId: 'u1', page: 1, pageSize: 10 })).entries.map((e) => e.id)).toEqual(['e6', 'e2', 'e1', 'e0']);
      expect(await storage.audit.query({ userId: 'u2', type: 'odd', page: 1, pageSize: 10 })).toMatchObject({ total: 2, entries: [{ id: 'e5', details: { i: 5 } }, { id: 'e3' }] });
      expect(await storage.audit.query({ type: 'never', page: 1, pageSize: 10 })).toEqual({ entries: [], total: 0 });
    });

    it('QR sessions: an update over a stale version is refused, so of racing requests one wins', async () => {
      const qr = sampleQr({ binding: 'qr:x', channelHash: null });
      await storage.qrSessions.insert(qr);
      const outcomes = await times(5, (i) => storage.qrSessions.update(qr, { state: 'scanned', device: `d${i}` }));
      expect(outcomes.filter(Boolean)).toHaveLength(1);
      const now = (await storage.qrSessions.findByToken(qr.tokenHash))!;
      expect(now).toMatchObject({ state: 'scanned', version: 1 });
      const withChannel = (await storage.qrSessions.update(now, { channelHash: 'chan', pin: { hash: 'p', expiresAt: 5_000, previousHash: null, delivered: false } }))!;
      expect(await storage.qrSessions.findByChannel('chan')).toEqual(withChannel);
      expect(await storage.qrSessions.hasBinding('qr:x')).toBe(true);
      expect(await storage.qrSessions.listWaiting('qr:x', 'signin')).toEqual([]);
      expect((await storage.qrSessions.listDue(4_999, 600_000)).map((s) => s.id)).toEqual([]);
      expect((await storage.qrSessions.listDue(5_000, 600_000)).map((s) => s.id)).toEqual([qr.id]);
      expect(await storage.qrSessions.countLive()).toBe(1);
      expect(count(await times(3, () => storage.qrSessions.remove(qr.id)))).toBe(1);
      expect(await storage.qrSessions.countLive()).toBe(0);
    });

    it('rate-limit counters: hits add up within a window, a new window starts afresh, ended ones are forgotten', async () => {
      await times(4, () => storage.rateLimits.hit('ip', 1_000, 100));
      expect(await storage.rateLimits.hit('ip', 1_000, 200)).toEqual({ hits: 5, resetAt: 1_100 });
      await storage.rateLimits.unhit('ip');
      expect((await storage.rateLimits.hit('ip', 1_000, 300)).hits).toBe(5);
      expect(await storage.rateLimits.hit('ip', 1_000, 1_100)).toEqual({ hits: 1, resetAt: 2_100 });
      expect(await storage.rateLimits.deleteExpired(2_100)).toBe(1);
      expect((await storage.rateLimits.hit('ip', 1_000, 2_200)).hits).toBe(1);
    });

    it('users: addresses verified and changed (never to one another account has), frozen once, abandoned unverified signups removed', async () => {
      const ann = sampleUser('ann@example.com', { emailVerifiedAt: null, createdAt: 100 });
      const bob = sampleUser('bob@example.com', { emailVerifiedAt: null, createdAt: 100, lastSignInAt: 150 });
      const new1 = sampleUser('new@example.com', { emailVerifiedAt: null, createdAt: 900 });
      for (const user of [ann, bob, new1]) await storage.users.insert(user);
      expect(await storage.users.markEmailVerified(ann.id, 'other@example.com', 200)).toBe(false);
      expect(await storage.users.markEmailVerified(ann.id, 'ann@example.com', 200)).toBe(true);
      expect(await storage.users.markEmailVerified(ann.id, 'ann@example.com', 300)).toBe(true);
      expect((await storage.users.findById(ann.id))?.emailVerifiedAt).toBe(200);
      expect(await storage.users.changeEmail(ann.id, 'bob@example.com', 400)).toBe(false);
      expect(await storage.users.changeEmail(ann.id, 'anna@example.com', 400)).toBe(true);
      expect(await storage.users.findByEmail('anna@example.com')).toMatchObject({ id: ann.id, emailVerifiedAt: 400 });
      expect(await storage.users.findByEmail('ann@example.com')).toBeNull();

      expect(count(await times(4, () => storage.users.freeze(bob.id, 500)))).toBe(1);
      expect((await storage.users.listFrozen(10)).map((u) => u.id)).toEqual([bob.id]);
      expect(await storage.users.unfreeze(bob.id)).toBe(true);
      expect(await storage.users.unfreeze(bob.id)).toBe(false);
      expect(await storage.users.listFrozen(10)).toEqual([]);

      // Never verified and never signed in, made at or before the cutoff: only the newcomer qualifies when made in time.
      expect(await storage.users.deleteAbandoned({ unenrolledUpTo: 0, unverifiedUpTo: 500 })).toBe(0);
      expect(await storage.users.deleteAbandoned({ unenrolledUpTo: 0, unverifiedUpTo: 900 })).toBe(1);
      expect(await storage.users.findById(new1.id)).toBeNull();
      expect(await storage.users.findById(bob.id)).not.toBeNull();

      const totp = sampleUser('enrol@example.com', { totp: { secretBox: 'box', lastStep: 1 } });
      await storage.users.insert(totp);
      expect(await storage.users.disableTotp(totp.id, { enrolAgain: true })).toBe(true);
      expect((await storage.users.findById(totp.id))?.enrolRequired).toBe(true);
      await storage.users.setPendingTotp(totp.id, { secretBox: 'p', createdAt: 1 }, null);
      await storage.users.activateTotp(totp.id, { secretBox: 'box2', lastStep: 2 }, 'p');
      expect((await storage.users.findById(totp.id))?.enrolRequired).toBe(false);
    });

    it('sessions: every session of a user ends but the one kept', async () => {
      const user = sampleUser('many@example.com');
      await storage.users.insert(user);
      for (const id of ['s1', 's2', 's3']) await storage.sessions.insert({ idHash: id, userId: user.id, scope: 'full', createdAt: 1, lastSeenAt: 1 });
      expect(await storage.sessions.deleteForUser(user.id, 's2')).toBe(2);
      expect(await storage.sessions.find('s2')).not.toBeNull();
      expect(await storage.sessions.deleteForUser(user.id)).toBe(1);
    });

    it('links: used once by one of many callers, only for their purpose and before they expire; newer ones replace unused ones', async () => {
      const user = sampleUser('link@example.com');
      await storage.users.insert(user);
      const link = { idHash: 'l1', purpose: 'reset_password' as const, userId: user.id, createdAt: 10, expiresAt: 1_000, usedAt: null, subject: 'x' };
      await storage.linkTokens.insert(link);
      expect(await storage.linkTokens.use('l1', 'verify_email', 20)).toBeNull();
      expect(await storage.linkTokens.use('l1', 'reset_password', 1_000)).toBeNull();
      const uses = await times(6, () => storage.linkTokens.use('l1', 'reset_password', 20));
      expect(uses.filter(Boolean)).toEqual([{ ...link, usedAt: 20 }]);
      expect(await storage.linkTokens.find('l1')).toEqual({ ...link, usedAt: 20 });
      await storage.linkTokens.insert({ ...link, idHash: 'l2' });
      expect(await storage.linkTokens.deleteUnused(user.id, 'reset_password')).toBe(1);
      expect(await storage.linkTokens.find('l2')).toBeNull();
      expect(await storage.linkTokens.deleteExpired(1_000)).toBe(1);
    });

    it('mail queue: a due message is taken by one of many pollers, retried later, sent once, listed newest first', async () => {
      const message = (id: string, createdAt: number) => ({
        id, kind: 'test', userId: null, to: 'x@example.com', subject: `s ${id}`, bodyBox: 'sealed', createdAt, status: 'queued' as const,
        attempts: 0, nextAttemptAt: createdAt, leaseUntil: null, sentAt: null, lastError: null, transport: null,
      });
      await storage.mail.enqueue(message('m1', 10));
      await storage.mail.enqueue(message('m2', 20));
      const claims = await times(5, () => storage.mail.claimDue(30, 10_000, 10));
      expect(claims.flat().map((m) => m.id).sort()).toEqual(['m1', 'm2']);
      expect(await storage.mail.claimDue(500, 1_000, 10)).toEqual([]);
      await storage.mail.markFailed('m1', { error: 'ECONNREFUSED', nextAttemptAt: 5_000, giveUp: false });
      expect(await storage.mail.claimDue(4_999, 1_000, 10)).toEqual([]);
      expect((await storage.mail.claimDue(5_000, 1_000, 10)).map((m) => [m.id, m.attempts, m.lastError])).toEqual([['m1', 1, 'ECONNREFUSED']]);
      await storage.mail.markSent('m1', { now: 6_000, transport: 'smtp', keepBody: false });
      await storage.mail.markSent('m2', { now: 6_000, transport: 'outbox', keepBody: true });
      expect(await storage.mail.find('m1')).toMatchObject({ status: 'sent', attempts: 2, bodyBox: null, lastError: null, sentAt: 6_000 });
      expect(await storage.mail.find('m2')).toMatchObject({ bodyBox: 'sealed', transport: 'outbox' });
      expect(await storage.mail.claimDue(1e9, 1_000, 10)).toEqual([]);
      expect((await storage.mail.list({ page: 1, pageSize: 1 }))).toMatchObject({ total: 2, messages: [{ id: 'm2' }] });
      expect(await storage.mail.deleteFinishedUpTo(10)).toBe(1);
    });

    it('recoveries: one open per user, each step taken once, listed with the email', async () => {
      const user = sampleUser('rec@example.com');
      await storage.users.insert(user);
      const recovery = { id: 'r1', userId: user.id, state: 'awaiting_email' as const, createdAt: 10, confirmedAt: null, readyAt: null, closedAt: null, closedBy: null, ip: '' };
      expect(await storage.recoveries.insert(recovery)).toBe(true);
      expect(await storage.recoveries.insert({ ...recovery, id: 'r2' })).toBe(false);
      const confirms = await times(4, () => storage.recoveries.transition('r1', ['awaiting_email'], { state: 'waiting', confirmedAt: 20, readyAt: 100 }));
      expect(confirms.filter(Boolean)).toEqual([{ ...recovery, state: 'waiting', confirmedAt: 20, readyAt: 100 }]);
      expect((await storage.recoveries.listOpen(10)).map((r) => [r.id, r.userEmail])).toEqual([['r1', 'rec@example.com']]);
      expect(await storage.recoveries.transition('r1', ['waiting'], { state: 'cancelled', closedAt: 30, closedBy: user.id })).toMatchObject({ state: 'cancelled' });
      expect(await storage.recoveries.findOpenForUser(user.id)).toBeNull();
      expect(await storage.recoveries.insert({ ...recovery, id: 'r3' })).toBe(true);
      expect((await storage.recoveries.findOpenForUser(user.id))?.id).toBe('r3');
    });

    it('backup-code deliveries: the sealed codes go to one caller, once, before they expire', async () => {
      const user = sampleUser('del@example.com');
      await storage.users.insert(user);
      const delivery = { id: 'd1', userId: user.id, requestId: 'q1', method: 'mail' as const, codesBox: 'box', createdAt: 10, expiresAt: 1_000, fetchedAt: null };
      await storage.backupDeliveries.insert(delivery);
      await storage.backupDeliveries.insert({ ...delivery, id: 'd2', requestId: null, createdAt: 20 });
      expect((await storage.backupDeliveries.findByRequest('q1'))?.id).toBe('d1');
      expect((await storage.backupDeliveries.latestForUser(user.id))?.id).toBe('d2');
      const takes = await times(6, () => storage.backupDeliveries.take('d1', 50));
      expect(takes.filter((box) => box !== null)).toEqual(['box']);
      expect(await storage.backupDeliveries.find('d1')).toMatchObject({ codesBox: null, fetchedAt: 50 });
      expect(await storage.backupDeliveries.take('d2', 1_000)).toBeNull();
      expect(await storage.backupDeliveries.dropExpired(1_000)).toBe(1);
      expect(await storage.backupDeliveries.find('d2')).toMatchObject({ codesBox: null, fetchedAt: null });
      await storage.backupDeliveries.insert({ ...delivery, id: 'd3', requestId: null, expiresAt: 9_000 });
      expect(await storage.backupDeliveries.dropForUser(user.id)).toBe(1);
      expect(await storage.backupDeliveries.take('d3', 2_000)).toBeNull();
    });

    it('devices and throttles: failures add up under concurrency; the wait doubles past the free failures, capped', async () => {
      const user = sampleUser('dev@example.com');
      await storage.users.insert(user);
      await storage.devices.insert({ idHash: 'dv', userId: user.id, createdAt: 1, lastUsedAt: 1, failures: 0 });
      await times(3, () => storage.devices.recordFailure('dv'));
      expect((await storage.devices.findMany(['dv']))[0]?.failures).toBe(3);
      await storage.devices.markUsed('dv', 9);
      expect(await storage.devices.findMany(['nope', 'dv'])).toEqual([expect.objectContaining({ idHash: 'dv', failures: 0, lastUsedAt: 9 })]);
      expect(await storage.devices.findMany([])).toEqual([]);
      expect(await storage.devices.recordFailure('nope')).toBe(0);
      expect(await storage.devices.deleteForUser(user.id, 'dv')).toBe(0);
      expect(await storage.devices.deleteUnusedUpTo(9)).toBe(1);

      const rule = { now: 1_000, freeFailures: 2, baseMs: 100, maxMs: 350 };
      await times(2, () => storage.throttles.recordFailure('k', rule));
      expect(await storage.throttles.findMany(['k', 'other'])).toEqual([expect.objectContaining({ key: 'k', failures: 2, blockedUntil: null })]);
      const after = async (key: string, failureRule: typeof rule) => {
        await storage.throttles.recordFailure(key, failureRule);
        return (await storage.throttles.findMany([key]))[0];
      };
      expect(await after('k', rule)).toMatchObject({ failures: 3, blockedUntil: 1_100 });
      expect(await after('k', rule)).toMatchObject({ failures: 4, blockedUntil: 1_200 });
      expect(await after('k', rule)).toMatchObject({ failures: 5, blockedUntil: 1_350 });
      await storage.throttles.clear('k');
      expect(await storage.throttles.findMany(['k'])).toEqual([]);
      // No free failures: the first one already waits.
      expect(await after('strict', { ...rule, freeFailures: 0 })).toMatchObject({ failures: 1, blockedUntil: 1_100 });
      expect(await after('strict', { ...rule, freeFailures: 0 })).toMatchObject({ failures: 2, blockedUntil: 1_200 });
      await storage.throttles.recordFailure('old', rule);
      expect(await storage.throttles.deleteIdleUpTo(1_000)).toBe(2);
    });

    it('refresh tokens: a token is traded once for the next, of racing trades exactly one wins, and nothing is traded in an ended family', async () => {
      const user = sampleUser('tokens@example.com');
      await storage.users.insert(user);
      await storage.refreshTokens.insertFamily(sampleFamily('fam', user.id, { amr: ['pwd', 'otp'] }), sampleRefreshToken('t1', 'fam'));
      expect(await storage.refreshTokens.find('t1')).toEqual({
        token: { hash: 't1', familyId: 'fam', createdAt: 1_000, expiresAt: 100_000, retiredAt: null },
        family: { id: 'fam', userId: user.id, amr: ['pwd', 'otp'], createdAt: 1_000, revokedAt: null, revokedReason: null },
      });
      const trades = await times(6, (i) => storage.refreshTokens.rotate('t1', { hash: `t2-${i}`, createdAt: 2_000, expiresAt: 200_000 }, 2_000));
      expect(count(trades)).toBe(1);
      const winner = `t2-${trades.indexOf(true)}`;
      expect(await storage.refreshTokens.find('t1')).toMatchObject({ token: { retiredAt: 2_000 } });
      expect(await storage.refreshTokens.find(winner)).toMatchObject({ token: { familyId: 'fam', retiredAt: null, expiresAt: 200_000 } });
      expect(await storage.refreshTokens.find(`t2-${trades.indexOf(false)}`)).toBeNull();

      expect(count(await times(3, () => storage.refreshTokens.revokeFamily('fam', { now: 3_000, reason: 'reuse' })))).toBe(1);
      expect(await storage.refreshTokens.findFamily('fam')).toMatchObject({ revokedAt: 3_000, revokedReason: 'reuse' });
      expect(await storage.refreshTokens.rotate(winner, { hash: 't3', createdAt: 4_000, expiresAt: 300_000 }, 4_000)).toBe(false);
    });

    it("refresh tokens: every live family of one user is revoked at once; expired tokens go, and families left with none", async () => {
      const [ada, bob] = [sampleUser('ada@example.com'), sampleUser('bob@example.com')];
      await storage.users.insert(ada);
      await storage.users.insert(bob);
      await storage.refreshTokens.insertFamily(sampleFamily('a1', ada.id), sampleRefreshToken('ra1', 'a1'));
      await storage.refreshTokens.insertFamily(sampleFamily('a2', ada.id), sampleRefreshToken('ra2', 'a2', { expiresAt: 500_000 }));
      await storage.refreshTokens.insertFamily(sampleFamily('a3', ada.id, { revokedAt: 10, revokedReason: 'signout' }), sampleRefreshToken('ra3', 'a3'));
      await storage.refreshTokens.insertFamily(sampleFamily('b1', bob.id), sampleRefreshToken('rb1', 'b1'));
      expect(await storage.refreshTokens.revokeAllForUser(ada.id, { now: 50, reason: 'mfa_disabled' })).toBe(2);
      expect(await storage.refreshTokens.findFamily('a2')).toMatchObject({ revokedAt: 50, revokedReason: 'mfa_disabled' });
      expect(await storage.refreshTokens.findFamily('a3')).toMatchObject({ revokedAt: 10, revokedReason: 'signout' });
      expect(await storage.refreshTokens.findFamily('b1')).toMatchObject({ revokedAt: null });

      expect(await storage.refreshTokens.deleteExpired(100_000)).toBe(3);
      expect(await storage.refreshTokens.find('ra1')).toBeNull();
      expect(await storage.refreshTokens.findFamily('a1')).toBeNull();
      expect(await storage.refreshTokens.findFamily('a2')).not.toBeNull();
      expect(await storage.refreshTokens.find('ra2')).not.toBeNull();
    });

    it('signing keys: one current key, made once by racing callers; retiring hands over; old retired keys are forgotten', async () => {
      const made = await times(5, (i) => storage.signingKeys.insertCurrent(sampleSigningKey(`k${i}`, 100)));
      expect(count(made)).toBe(1);
      const first = `k${made.indexOf(true)}`;
      expect((await storage.signingKeys.list()).map((key) => key.id)).toEqual([first]);
      expect(await storage.signingKeys.list()).toEqual([sampleSigningKey(first, 100)]);
      expect(await storage.signingKeys.retire('nope', 200)).toBe(false);
      const handover = await storage.transaction(async (tx) => (await tx.signingKeys.retire(first, 200)) && tx.signingKeys.insertCurrent(sampleSigningKey('k-next', 200)));
      expect(handover).toBe(true);
      expect(await storage.signingKeys.retire(first, 300)).toBe(false);
      expect((await storage.signingKeys.list()).map((key) => [key.id, key.retiredAt])).toEqual([['k-next', null], [first, 200]]);
      expect(await storage.signingKeys.deleteRetiredUpTo(199)).toBe(0);
      expect(await storage.signingKeys.deleteRetiredUpTo(200)).toBe(1);
      expect((await storage.signingKeys.list()).map((key) => key.id)).toEqual(['k-next']);
    });

    it('transactions: every change of a transaction that throws is undone; one that returns keeps them all', async () => {
      const user = sampleUser('tx@example.com');
      await expect(
        storage.transaction(async (tx) => {
          await tx.users.insert(user);
          await tx.sessions.insert({ idHash: 'tx', userId: user.id, scope: 'full', createdAt: 1, lastSeenAt: 1 });
          await tx.audit.append(sampleAudit('tx-audit'));
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(await storage.users.findByEmail('tx@example.com')).toBeNull();
      expect(await storage.sessions.find('tx')).toBeNull();
      expect((await storage.audit.query({ page: 1, pageSize: 10 })).total).toBe(0);
      const kept = await storage.transaction(async (tx) => {
        await tx.users.insert(user);
        await tx.audit.append(sampleAudit('tx-audit'));
        return 'done';
      });
      expect(kept).toBe('done');
      expect(await storage.users.findByEmail('tx@example.com')).not.toBeNull();
      expect((await storage.audit.query({ page: 1, pageSize: 10 })).total).toBe(1);
    });

    it('events: a message published reaches every subscriber', async () => {
      const heard: string[] = [];
      const stop = storage.bus.subscribe((message) => heard.push(message));
      await storage.bus.publish('hello');
      for (let i = 0; i < 100 && heard.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      stop();
      expect(heard).toEqual(['hello']);
    });
  });
}
