// A key-value area: the browser's extension storage (browser-area.ts) or plain memory (Node and tests). Every value
// Tessera keeps outside the vault's IndexedDB is read and written through one of these, as an item of items.ts.
/** `session` lives in memory and is gone when the browser closes; `local` is on disk. */
export type AreaName = 'session' | 'local';

export interface KeyValueArea {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

/** An area in plain memory; `entries` lets a test look at what was stored. */
export function memoryArea(entries = new Map<string, unknown>()): KeyValueArea & { entries: Map<string, unknown> } {
  return {
    entries,
    async get(key) {
      return entries.get(key);
    },
    async set(key, value) {
      entries.set(key, value);
    },
    async remove(key) {
      entries.delete(key);
    },
  };
}
