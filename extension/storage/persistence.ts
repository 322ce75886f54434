// Asks the browser to keep Tessera's data (the vault's IndexedDB) when the disk runs low, instead of clearing it as it
// may clear a site's cache. Asked at first run and on the options page, which also says what the answer was.
export type Persistence = 'persistent' | 'best-effort' | 'unknown';

export async function askPersistentStorage(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<Persistence> {
  if (!storage?.persist || !storage.persisted) return 'unknown';
  try {
    if (await storage.persisted()) return 'persistent';
    return (await storage.persist()) ? 'persistent' : 'best-effort';
  } catch {
    return 'unknown';
  }
}
