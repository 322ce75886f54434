// How a memory repository applies a change: alone and durably (outside a transaction), or as part of the transaction
// that handed out the repository.
import type { MemoryDb } from './db';

export type Write = <T>(change: () => T) => Promise<T>;

export const writeAlone = (db: MemoryDb): Write => (change) => db.write(change);

export const writeInTransaction: Write = async (change) => change();

/** Rows leave the memory tables as copies: a caller changing one must not change the table behind the storage's back. */
export const copyRow = <T>(row: T | null): T | null => (row === null ? null : structuredClone(row));
