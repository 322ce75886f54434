// The memory adapter's database: every table, the audit log, one writer at a time, and undo for transactions that
// fail. The embedded adapter is this plus a `persist` that makes each change durable before the call returns.
import { AsyncLocalStorage } from 'node:async_hooks';
import type {
  BackupCode, BackupCodeRequest, BackupDelivery, Device, LinkToken, MailMessage, QrSession, Recovery, RefreshFamily, RefreshToken, Session, SigningKey,
  Throttle, Ticket, User,
} from '../rows';
import type { AuditLog } from './audit-log';
import { MemoryAuditLog } from './audit-log';
import { Table, type ChangeLog, type ChangedRow } from './table';

export interface RateLimitRow { key: string; hits: number; resetAt: number }

const byUser = { name: 'user', key: (row: { userId: string }) => row.userId };

export class MemoryDb implements ChangeLog {
  readonly users = new Table<User>('users', true, (u) => u.id, [
    { name: 'email', key: (u) => u.email },
    { name: 'admin', key: (u) => (u.role === 'admin' ? 'admin' : null) },
    { name: 'pending', key: (u) => (u.status === 'pending' ? 'pending' : null) },
    { name: 'unverified', key: (u) => (u.emailVerifiedAt === null ? 'unverified' : null) },
    { name: 'frozen', key: (u) => (u.frozenAt !== null ? 'frozen' : null) },
  ], this);
  readonly backupCodes = new Table<BackupCode>('backupCodes', true, (c) => `${c.userId}:${c.hash}`, [byUser], this);
  readonly sessions = new Table<Session>('sessions', true, (s) => s.idHash, [byUser], this);
  readonly tickets = new Table<Ticket>('tickets', true, (t) => t.idHash, [byUser], this);
  readonly backupRequests = new Table<BackupCodeRequest>('backupRequests', true, (r) => r.id, [
    byUser,
    { name: 'status', key: (r) => r.status },
  ], this);
  readonly qrSessions = new Table<QrSession>('qrSessions', false, (q) => q.id, [
    { name: 'token', key: (q) => q.tokenHash },
    { name: 'channel', key: (q) => q.channelHash },
    { name: 'binding', key: (q) => q.binding },
  ], this);
  readonly rateLimits = new Table<RateLimitRow>('rateLimits', false, (r) => r.key, [], this);
  readonly linkTokens = new Table<LinkToken>('linkTokens', true, (t) => t.idHash, [byUser], this);
  readonly mail = new Table<MailMessage>('mail', true, (m) => m.id, [{ name: 'queued', key: (m) => (m.status === 'queued' ? 'queued' : null) }], this);
  readonly recoveries = new Table<Recovery>('recoveries', true, (r) => r.id, [
    byUser,
    { name: 'open', key: (r) => (r.state === 'awaiting_email' || r.state === 'waiting' ? 'open' : null) },
  ], this);
  readonly backupDeliveries = new Table<BackupDelivery>('backupDeliveries', true, (d) => d.id, [
    byUser,
    { name: 'request', key: (d) => d.requestId },
    { name: 'holding', key: (d) => (d.codesBox !== null ? 'holding' : null) },
  ], this);
  readonly devices = new Table<Device>('devices', true, (d) => d.idHash, [byUser], this);
  /** Per-client delays live in memory only (like rate limits): a restart forgets them, the account's own count stays. */
  readonly throttles = new Table<Throttle>('throttles', false, (t) => t.key, [], this);
  readonly refreshFamilies = new Table<RefreshFamily>('refreshFamilies', true, (f) => f.id, [byUser], this);
  readonly refreshTokens = new Table<RefreshToken>('refreshTokens', true, (t) => t.hash, [{ name: 'family', key: (t) => t.familyId }], this);
  readonly signingKeys = new Table<SigningKey>('signingKeys', true, (k) => k.id, [{ name: 'current', key: (k) => (k.retiredAt === null ? 'current' : null) }], this);

  /** Keys of durable tables changed since the last persist took them. */
  private readonly changed = new Map<Table<any>, Set<string>>();
  private undo: (() => void)[] | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly inTransaction = new AsyncLocalStorage<true>();

  constructor(
    readonly audit: AuditLog = new MemoryAuditLog(),
    /** Resolves once every change made so far is durable. */
    readonly persist: () => Promise<void> = async () => undefined,
  ) {}

  recordChange(table: Table<any>, key: string, before: unknown): void {
    if (table.durable) {
      const keys = this.changed.get(table) ?? new Set<string>();
      this.changed.set(table, keys.add(key));
    }
    this.undo?.push(() => table.restore(key, before));
  }

  get hasChanges(): boolean {
    return this.changed.size > 0;
  }

  /** The changed rows as they now are (null: removed), forgotten as changed; give them back if writing them fails. */
  takeChanges(): ChangedRow[] {
    const rows: ChangedRow[] = [];
    for (const [table, keys] of this.changed) for (const key of keys) rows.push([table.name, key, table.get(key)]);
    this.changed.clear();
    return rows;
  }

  /** Marks rows taken by takeChanges as changed again (their write failed): the next persist writes them as they are then. */
  giveBackChanges(rows: ChangedRow[]): void {
    for (const [name, key] of rows) {
      const table = this.tableNamed(name);
      const keys = this.changed.get(table) ?? new Set<string>();
      this.changed.set(table, keys.add(key));
    }
  }

  /** Applies rows read back from disk (at start), without counting them as changes. */
  applyRows(rows: ChangedRow[]): void {
    for (const [name, key, row] of rows) {
      const table = this.tableNamed(name);
      if (row === null) table.delete(key);
      else table.put(row);
    }
    this.changed.clear();
  }

  /** Puts a table's rows as read from disk (at start), without counting them as changes. */
  loadRows(table: Table<any>, rows: readonly unknown[]): void {
    for (const row of rows) table.put(row);
    this.changed.delete(table);
  }

  /** Every durable table, by name: what the data file holds. */
  durableTables(): Table<any>[] {
    return Object.values(this).filter((value): value is Table<any> => value instanceof Table && value.durable);
  }

  private tableNamed(name: string): Table<any> {
    const table = (this as unknown as Record<string, unknown>)[name];
    if (!(table instanceof Table) || !table.durable) throw new Error(`The journal names a table this site does not keep: ${name}.`);
    return table;
  }

  /** One change outside a transaction: applied alone (undone if it throws), durable when the promise resolves. */
  async write<T>(change: () => T): Promise<T> {
    if (this.inTransaction.getStore()) throw new Error('Inside a transaction, write through the repositories the transaction gave.');
    const result = await this.exclusive(async () => this.applyAll(change));
    await this.persist();
    return result;
  }

  /** Runs `work` as the only writer; its changes stay only if it returns. Durable when the promise resolves. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    const result = await this.exclusive(() => this.inTransaction.run(true, () => this.applyAll(work)));
    await this.persist();
    return result;
  }

  private async applyAll<T>(change: () => T | Promise<T>): Promise<Awaited<T>> {
    const undo: (() => void)[] = [];
    const auditSize = this.audit.size;
    this.undo = undo;
    try {
      return await change();
    } catch (error) {
      for (const step of undo.reverse()) step();
      this.audit.truncateTo(auditSize);
      throw error;
    } finally {
      this.undo = null;
    }
  }

  private exclusive<T>(run: () => Promise<T>): Promise<T> {
    const result = this.queue.then(run);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
