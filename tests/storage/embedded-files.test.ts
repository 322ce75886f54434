// The embedded adapter's files: the journal (one line per write) folded into the data file (mode 0600, whole or not at
// all), the audit log in JSON-lines files that are never cut, and data files of the older format brought up to date.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEmbeddedStorage } from '../../demo-site/storage/embedded';
import { DATA_FILE, SNAPSHOT_VERSION } from '../../demo-site/storage/embedded/snapshot';
import { JOURNAL_FILE } from '../../demo-site/storage/embedded/journal';
import type { AuditEntry } from '../../demo-site/storage/rows';
import { sampleUser } from './support/rows';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const fresh = () => (dir = mkdtempSync(join(tmpdir(), 'tessera-embedded-')));
const entry = (id: string, extra: Partial<AuditEntry> = {}): AuditEntry => ({ id, type: 'test', at: 1, userId: null, actorId: null, ip: '', userAgent: '', details: {}, ...extra });
const everything = { page: 1, pageSize: 1000 };

describe('embedded store files', () => {
  it('writes the data file with mode 0600 and reads it back after a restart', async () => {
    const storage = await openEmbeddedStorage(fresh());
    await storage.users.insert(sampleUser('ada@example.com'));
    await storage.audit.append(entry('a'));
    await storage.close();
    expect(statSync(join(dir, DATA_FILE)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, JOURNAL_FILE)).mode & 0o777).toBe(0o600);
    const again = await openEmbeddedStorage(dir);
    expect((await again.users.findByEmail('ada@example.com'))?.email).toBe('ada@example.com');
    expect((await again.audit.query(everything)).entries.map((e) => e.id)).toEqual(['a']);
    await again.close();
  });

  it('keeps the audit log out of the data file, as JSON lines in files rotated by size and never cut', async () => {
    const storage = await openEmbeddedStorage(fresh(), { auditSegmentBytes: 1000 });
    for (let i = 0; i < 40; i++) await storage.audit.append(entry(`e${i}`, { details: { n: i } }));
    await storage.close();
    expect(readFileSync(join(dir, DATA_FILE), 'utf8')).not.toContain('"e1"');
    const segments = readdirSync(dir).filter((name) => name.startsWith('tessera-audit-')).sort();
    expect(segments.length).toBeGreaterThan(3);
    const lines = segments.flatMap((name) => readFileSync(join(dir, name), 'utf8').trim().split('\n'));
    expect(lines.map((line) => JSON.parse(line).id)).toEqual(Array.from({ length: 40 }, (_, i) => `e${i}`));
    const again = await openEmbeddedStorage(dir, { auditSegmentBytes: 1000 });
    const newest = await again.audit.query({ page: 1, pageSize: 3 });
    expect(newest).toMatchObject({ total: 40, entries: [{ id: 'e39' }, { id: 'e38' }, { id: 'e37' }] });
    await again.close();
  });

  it('writes many changes made at once in few flushes, and every caller hears back only once its change is on disk', async () => {
    const storage = await openEmbeddedStorage(fresh());
    await Promise.all(Array.from({ length: 50 }, (_, i) => storage.users.insert(sampleUser(`u${i}@example.com`))));
    await storage.close();
    const again = await openEmbeddedStorage(dir);
    expect((await again.users.list({ page: 1, pageSize: 100 })).total).toBe(50);
    await again.close();
  });

  it('reports a failed write to its callers only, and goes on writing once the disk works again', async () => {
    const storage = await openEmbeddedStorage(fresh());
    // A folder where the journal goes makes every write fail, as a full or read-only disk would.
    mkdirSync(join(dir, JOURNAL_FILE));
    await expect(storage.users.insert(sampleUser('lost@example.com'))).rejects.toThrow();
    rmSync(join(dir, JOURNAL_FILE), { recursive: true });
    await storage.users.insert(sampleUser('kept@example.com'));
    await storage.close();
    const again = await openEmbeddedStorage(dir);
    expect((await again.users.list({ page: 1, pageSize: 10 })).users.map((u) => u.email).sort()).toEqual(['kept@example.com', 'lost@example.com']);
    await again.close();
  });

  it('writes a change as one journal line, not the whole store, and folds the journal into the data file once it has outgrown it', async () => {
    const storage = await openEmbeddedStorage(fresh(), { journalMinBytes: 20_000 });
    for (let i = 0; i < 20; i++) await storage.users.insert(sampleUser(`u${i}@example.com`));
    const dataFile = readFileSync(join(dir, DATA_FILE), 'utf8');
    expect(dataFile).not.toContain('u0@example.com');
    const journal = readFileSync(join(dir, JOURNAL_FILE), 'utf8').trim().split('\n');
    expect(journal).toHaveLength(20);
    expect(journal.every((line, i) => line.includes(`u${i}@example.com`) && !line.includes(`u${i + 1}@example.com`))).toBe(true);
    for (let i = 20; i < 200; i++) await storage.users.insert(sampleUser(`u${i}@example.com`));
    await storage.close();
    // Folded at least once: the data file holds most accounts, the journal only those since.
    const folded = JSON.parse(readFileSync(join(dir, DATA_FILE), 'utf8'));
    expect(folded.users.length).toBeGreaterThan(100);
    expect(readFileSync(join(dir, JOURNAL_FILE), 'utf8').trim().split('\n').filter(Boolean).length).toBe(200 - folded.users.length);
    const again = await openEmbeddedStorage(dir);
    expect((await again.users.list({ page: 1, pageSize: 500 })).total).toBe(200);
    await again.close();
  });

  it('answers a write once its journal line is on disk, even when folding the journal into the data file fails', async () => {
    const storage = await openEmbeddedStorage(fresh(), { journalMinBytes: 0 });
    // A folder where the data file's temporary file goes: every rewrite of the data file fails.
    mkdirSync(join(dir, `${DATA_FILE}.tmp`));
    await storage.users.insert(sampleUser('journaled@example.com'));
    expect(readFileSync(join(dir, JOURNAL_FILE), 'utf8')).toContain('journaled@example.com');
    expect(readFileSync(join(dir, DATA_FILE), 'utf8')).not.toContain('journaled@example.com');
    rmSync(join(dir, `${DATA_FILE}.tmp`), { recursive: true });
    await storage.users.insert(sampleUser('folded@example.com'));
    await storage.close();
    expect(readFileSync(join(dir, DATA_FILE), 'utf8')).toContain('journaled@example.com');
    expect(readFileSync(join(dir, JOURNAL_FILE), 'utf8')).toBe('');
  });

  it('keeps every acknowledged change whichever file a crash interrupted: a torn journal line, or a fold before the journal was emptied', async () => {
    const storage = await openEmbeddedStorage(fresh());
    const first = sampleUser('first@example.com');
    const second = sampleUser('second@example.com');
    await storage.users.insert(first);
    await storage.users.insert(second);
    await storage.users.markSignedIn(second.id, 5_000);
    await storage.close();
    const journal = readFileSync(join(dir, JOURNAL_FILE), 'utf8');
    expect(journal.trim().split('\n')).toHaveLength(3);
    const expectState = async () => {
      const again = await openEmbeddedStorage(dir);
      expect((await again.users.findById(second.id))?.lastSignInAt).toBe(5_000);
      expect((await again.users.list({ page: 1, pageSize: 10 })).total).toBe(2);
      await again.close();
    };
    // A crash mid-append: half a line that was never acknowledged is cut off.
    writeFileSync(join(dir, JOURNAL_FILE), `${journal}{"rows":[["users","x",{"email":"half`);
    await expectState();
    expect(readFileSync(join(dir, JOURNAL_FILE), 'utf8')).toBe(journal);
    // A full journal is folded into the data file at start...
    const folded = await openEmbeddedStorage(dir, { journalMinBytes: 0 });
    await folded.close();
    expect(readFileSync(join(dir, JOURNAL_FILE), 'utf8')).toBe('');
    expect(JSON.parse(readFileSync(join(dir, DATA_FILE), 'utf8')).users).toHaveLength(2);
    await expectState();
    // ...and a crash after the data file was rewritten but before the journal was emptied replays the same lines
    // over it, which changes nothing.
    writeFileSync(join(dir, JOURNAL_FILE), journal);
    await expectState();
  });

  it('drops audit lines a crash left behind without their data-file write', async () => {
    const storage = await openEmbeddedStorage(fresh());
    await storage.audit.append(entry('committed'));
    await storage.close();
    const [segment] = readdirSync(dir).filter((name) => name.startsWith('tessera-audit-'));
    writeFileSync(join(dir, segment), `${JSON.stringify(entry('uncommitted'))}\n{"id":"half`, { flag: 'a' });
    const again = await openEmbeddedStorage(dir);
    expect((await again.audit.query(everything)).entries.map((e) => e.id)).toEqual(['committed']);
    await again.close();
  });

  it('brings a data file of the older format up to date: backup codes as rows, the audit log moved to its files, tickets for sessions', async () => {
    fresh();
    const { backupCodes: _none, emailVerifiedAt: _v, frozenAt: _f, enrolRequired: _e, ...user } = { ...sampleUser('old@example.com'), backupCodes: [] };
    const old = {
      users: [{ ...user, backupCodes: [{ hash: 'h1', usedAt: null }, { hash: 'h2', usedAt: 5 }] }],
      sessions: [], tickets: [{ idHash: 't', userId: user.id, expiresAt: 10_000, failures: 1 }], backupCodeRequests: [{ id: 'r', userId: user.id, status: 'open', message: 'help', createdAt: 1, updatedAt: 1, ip: '' }],
      audit: [entry('old-1'), entry('old-2')],
    };
    writeFileSync(join(dir, DATA_FILE), JSON.stringify(old));
    const storage = await openEmbeddedStorage(dir);
    expect(await storage.backupCodes.countUnused(user.id)).toBe(1);
    // Accounts made before addresses were verified keep signing in.
    expect(await storage.users.findById(user.id)).toMatchObject({ emailVerifiedAt: user.createdAt, frozenAt: null, enrolRequired: false });
    expect((await storage.backupRequests.findOpenForUser(user.id))?.message).toBe('help');
    expect(await storage.tickets.find('t')).toEqual({ idHash: 't', userId: user.id, expiresAt: 10_000, failures: 1, wantsTokens: false });
    expect(await storage.signingKeys.list()).toEqual([]);
    expect((await storage.audit.query(everything)).entries.map((e) => e.id)).toEqual(['old-2', 'old-1']);
    await storage.close();
    const file = JSON.parse(readFileSync(join(dir, DATA_FILE), 'utf8'));
    expect(file.version).toBe(SNAPSHOT_VERSION);
    expect(file).toMatchObject({ signingKeys: [], refreshFamilies: [], refreshTokens: [] });
    expect(file.audit).toMatchObject({ segment: 1 });
    expect(readFileSync(join(dir, DATA_FILE), 'utf8')).not.toContain('old-1');
  });

  it('refuses a damaged data file, and a second process on the same folder, with words saying what to do', async () => {
    writeFileSync(join(fresh(), DATA_FILE), '{"users": [');
    await expect(openEmbeddedStorage(dir)).rejects.toThrow(/not valid JSON: restore it from a backup/);
    rmSync(join(dir, DATA_FILE));
    const first = await openEmbeddedStorage(dir);
    await expect(openEmbeddedStorage(dir)).rejects.toThrow(/Another site process .* is using the data folder.*DATABASE_URL/);
    await first.close();
  });
});
