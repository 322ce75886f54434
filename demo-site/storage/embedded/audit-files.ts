// The embedded audit log: JSON lines appended to numbered files beside the data file (tessera-audit-000001.jsonl, ...),
// a new file once one reaches its size limit; nothing is ever cut or deleted. The data file records how far the log
// was committed, so lines a crash left behind without their data-file write are dropped at the next start.
import { constants } from 'node:fs';
import { open, readdir, readFile, truncate, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditQuery } from '../repositories';
import type { AuditEntry } from '../rows';
import type { AuditLog } from '../memory/audit-log';
import { AuditIndex, type AuditLocation } from './audit-index';
import { syncPath } from './durable-file';

export interface AuditPosition { segment: number; bytes: number }
export interface PendingAudit { lines: (AuditLocation & { position: number; line: string })[]; tail: AuditPosition }

export const AUDIT_SEGMENT_BYTES = 64 * 1024 * 1024;
export const EMPTY_AUDIT: AuditPosition = { segment: 1, bytes: 0 };
const SEGMENT = /^tessera-audit-(\d{6})\.jsonl$/;
export const segmentFile = (segment: number) => `tessera-audit-${String(segment).padStart(6, '0')}.jsonl`;

export async function listSegments(dir: string): Promise<number[]> {
  return (await readdir(dir)).map((name) => SEGMENT.exec(name)?.[1]).filter((n): n is string => !!n).map(Number).sort((a, b) => a - b);
}

export class FileAuditLog implements AuditLog {
  private readonly index = new AuditIndex();
  private readonly unwritten = new Map<number, { entry: AuditEntry; line: string }>();
  private tail: AuditPosition;

  private constructor(private readonly dir: string, private readonly segmentBytes: number, committed: AuditPosition) {
    this.tail = { ...committed };
  }

  /** Opens the log as committed in `committed` (null: no data file yet, so every line on disk counts). */
  static async open(dir: string, committed: AuditPosition | null, options: { readOnly: boolean; segmentBytes?: number }): Promise<FileAuditLog> {
    const segments = await listSegments(dir);
    const upTo = committed ?? { segment: segments.at(-1) ?? 1, bytes: Number.MAX_SAFE_INTEGER };
    if (committed && !options.readOnly) {
      for (const later of segments.filter((n) => n > committed.segment)) await unlink(join(dir, segmentFile(later)));
      if (segments.includes(committed.segment)) await truncate(join(dir, segmentFile(committed.segment)), committed.bytes);
    }
    const log = new FileAuditLog(dir, options.segmentBytes ?? AUDIT_SEGMENT_BYTES, EMPTY_AUDIT);
    for (const segment of segments.filter((n) => n <= upTo.segment)) {
      const bytes = await readFile(join(dir, segmentFile(segment)));
      log.indexSegment(segment, bytes.subarray(0, segment === upTo.segment ? Math.min(bytes.length, upTo.bytes) : bytes.length));
    }
    return log;
  }

  get size(): number {
    return this.index.size;
  }

  get hasPending(): boolean {
    return this.unwritten.size > 0;
  }

  append(entry: AuditEntry): void {
    const line = `${JSON.stringify(entry)}\n`;
    const length = Buffer.byteLength(line);
    if (this.tail.bytes > 0 && this.tail.bytes + length > this.segmentBytes) this.tail = { segment: this.tail.segment + 1, bytes: 0 };
    this.unwritten.set(this.index.size, { entry, line });
    this.index.add(entry, { segment: this.tail.segment, offset: this.tail.bytes, length: length - 1 });
    this.tail.bytes += length;
  }

  truncateTo(size: number): void {
    for (let i = size; i < this.index.size; i++) {
      if (!this.unwritten.delete(i)) throw new Error('Audit entries on disk are never cut.');
    }
    this.index.truncateTo(size);
    const last = size > 0 ? this.index.locate(size - 1) : null;
    this.tail = last ? { segment: last.segment, bytes: last.offset + last.length + 1 } : { ...EMPTY_AUDIT };
  }

  /** What the next flush writes: the lines not on disk yet, and where the log will end. */
  takePending(): PendingAudit {
    const lines = [...this.unwritten].map(([position, { line }]) => ({ ...this.index.locate(position), position, line }));
    return { lines, tail: { ...this.tail } };
  }

  /** Writes the lines at their places (so a retry after a failure writes the same bytes) and fsyncs each file. */
  async write(pending: PendingAudit): Promise<void> {
    const bySegment = new Map<number, PendingAudit['lines']>();
    for (const line of pending.lines) {
      if (!bySegment.has(line.segment)) bySegment.set(line.segment, []);
      bySegment.get(line.segment)!.push(line);
    }
    for (const [segment, lines] of bySegment) {
      const handle = await open(join(this.dir, segmentFile(segment)), constants.O_WRONLY | constants.O_CREAT, 0o600);
      try {
        const data = Buffer.from(lines.map((line) => line.line).join(''));
        await handle.write(data, 0, data.length, lines[0].offset);
        await handle.sync();
      } finally {
        await handle.close();
      }
      if (lines[0].offset === 0) await syncPath(this.dir);
    }
  }

  markWritten(pending: PendingAudit): void {
    for (const line of pending.lines) this.unwritten.delete(line.position);
  }

  async query(query: AuditQuery): Promise<{ entries: AuditEntry[]; total: number }> {
    const { positions, total } = this.index.search(query);
    return { entries: await this.read(positions), total };
  }

  async *batches(size: number): AsyncIterable<AuditEntry[]> {
    for (let start = 0; start < this.index.size; start += size) {
      yield await this.read(Array.from({ length: Math.min(size, this.index.size - start) }, (_, i) => start + i));
    }
  }

  private async read(positions: number[]): Promise<AuditEntry[]> {
    const handles = new Map<number, Awaited<ReturnType<typeof open>>>();
    try {
      const entries: AuditEntry[] = [];
      for (const position of positions) {
        const waiting = this.unwritten.get(position);
        if (waiting) {
          entries.push(structuredClone(waiting.entry));
          continue;
        }
        const at = this.index.locate(position);
        if (!handles.has(at.segment)) handles.set(at.segment, await open(join(this.dir, segmentFile(at.segment)), 'r'));
        const buffer = Buffer.alloc(at.length);
        await handles.get(at.segment)!.read(buffer, 0, at.length, at.offset);
        entries.push(JSON.parse(buffer.toString('utf8')) as AuditEntry);
      }
      return entries;
    } finally {
      for (const handle of handles.values()) await handle.close();
    }
  }

  private indexSegment(segment: number, bytes: Buffer): void {
    let start = 0;
    for (let end = bytes.indexOf(10, start); end >= 0; start = end + 1, end = bytes.indexOf(10, start)) {
      const entry = JSON.parse(bytes.toString('utf8', start, end)) as AuditEntry;
      this.index.add(entry, { segment, offset: start, length: end - start });
    }
    this.tail = { segment, bytes: start };
  }
}
