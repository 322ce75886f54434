// The audit log of the memory adapter: an array. The embedded adapter puts a file-backed log with the same shape in
// its place (embedded/audit-files.ts).
import type { AuditQuery } from '../repositories';
import type { AuditEntry } from '../rows';

export interface AuditLog {
  readonly size: number;
  append(entry: AuditEntry): void;
  /** Forgets entries appended after the log held `size` (a transaction that failed); written ones are never cut. */
  truncateTo(size: number): void;
  query(query: AuditQuery): Promise<{ entries: AuditEntry[]; total: number }>;
  /** Every entry, oldest first, in batches. */
  batches(size: number): AsyncIterable<AuditEntry[]>;
}

export const matchesAuditQuery = (query: AuditQuery, entry: { type: string; userId: string | null; actorId: string | null }): boolean =>
  (!query.userId || entry.userId === query.userId || entry.actorId === query.userId) && (!query.type || entry.type === query.type);

export class MemoryAuditLog implements AuditLog {
  private readonly entries: AuditEntry[] = [];

  get size(): number {
    return this.entries.length;
  }

  append(entry: AuditEntry): void {
    this.entries.push(entry);
  }

  truncateTo(size: number): void {
    this.entries.length = Math.min(this.entries.length, size);
  }

  async query(query: AuditQuery): Promise<{ entries: AuditEntry[]; total: number }> {
    const matching = this.entries.filter((entry) => matchesAuditQuery(query, entry)).reverse();
    const start = (query.page - 1) * query.pageSize;
    return { entries: matching.slice(start, start + query.pageSize), total: matching.length };
  }

  async *batches(size: number): AsyncIterable<AuditEntry[]> {
    for (let start = 0; start < this.entries.length; start += size) yield this.entries.slice(start, start + size);
  }
}
