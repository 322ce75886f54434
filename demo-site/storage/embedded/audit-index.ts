// Where each audit entry sits on disk, and what the admin filters need of it (type, subject, actor), in typed arrays:
// a million entries take about 25 MB, and filtering them is a scan of integers.
import type { AuditQuery } from '../repositories';

export interface AuditLocation { segment: number; offset: number; length: number }

class Interned {
  private readonly ids = new Map<string, number>();
  idOf(value: string | null): number {
    if (value === null) return -1;
    let id = this.ids.get(value);
    if (id === undefined) this.ids.set(value, (id = this.ids.size));
    return id;
  }
  find(value: string): number | undefined {
    return this.ids.get(value);
  }
}

export class AuditIndex {
  size = 0;
  private capacity = 1024;
  private segment = new Uint32Array(this.capacity);
  private offset = new Float64Array(this.capacity);
  private length = new Uint32Array(this.capacity);
  private type = new Int32Array(this.capacity);
  private user = new Int32Array(this.capacity);
  private actor = new Int32Array(this.capacity);
  private readonly types = new Interned();
  private readonly people = new Interned();

  add(entry: { type: string; userId: string | null; actorId: string | null }, at: AuditLocation): void {
    if (this.size === this.capacity) this.grow();
    const i = this.size++;
    this.segment[i] = at.segment;
    this.offset[i] = at.offset;
    this.length[i] = at.length;
    this.type[i] = this.types.idOf(entry.type);
    this.user[i] = this.people.idOf(entry.userId);
    this.actor[i] = this.people.idOf(entry.actorId);
  }

  truncateTo(size: number): void {
    this.size = Math.min(this.size, size);
  }

  locate(i: number): AuditLocation {
    return { segment: this.segment[i], offset: this.offset[i], length: this.length[i] };
  }

  /** Positions of the matching entries on one page (newest first), and how many match in all. */
  search(query: AuditQuery): { positions: number[]; total: number } {
    const type = query.type ? this.types.find(query.type) : -2;
    const person = query.userId ? this.people.find(query.userId) : -2;
    if (type === undefined || person === undefined) return { positions: [], total: 0 };
    const first = (query.page - 1) * query.pageSize;
    const positions: number[] = [];
    let total = 0;
    for (let i = this.size - 1; i >= 0; i--) {
      if (type !== -2 && this.type[i] !== type) continue;
      if (person !== -2 && this.user[i] !== person && this.actor[i] !== person) continue;
      if (total >= first && positions.length < query.pageSize) positions.push(i);
      total++;
    }
    return { positions, total };
  }

  private grow(): void {
    this.capacity *= 2;
    const widen = <A extends Uint32Array | Float64Array | Int32Array>(old: A, make: (n: number) => A): A => {
      const next = make(this.capacity);
      next.set(old);
      return next;
    };
    this.segment = widen(this.segment, (n) => new Uint32Array(n));
    this.offset = widen(this.offset, (n) => new Float64Array(n));
    this.length = widen(this.length, (n) => new Uint32Array(n));
    this.type = widen(this.type, (n) => new Int32Array(n));
    this.user = widen(this.user, (n) => new Int32Array(n));
    this.actor = widen(this.actor, (n) => new Int32Array(n));
  }
}
