// Progress through an export split over several QR codes, kept per batch id in session storage (indices only,
// never an account), so "QR 2 of 3 read" holds across popup openings and scans.
import type { BatchProgress } from './types';

export const PROGRESS_KEY = 'migrationProgress';

/** storage.session in the extension, a Map in tests. */
export interface ProgressStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

type Saved = Record<string, { size: number; read: number[] }>;

/** Records that QR `batchIndex` of the batch was read; returns the progress and the sentence to show. */
export async function recordBatchPart(
  store: ProgressStore,
  part: { batchId: number; batchIndex: number; batchSize: number },
): Promise<BatchProgress & { message: string }> {
  const saved = readSaved(await store.get(PROGRESS_KEY));
  const key = String(part.batchId);
  const previous = saved[key]?.size === part.batchSize ? saved[key].read : [];
  const read = [...new Set([...previous, part.batchIndex])].sort((a, b) => a - b);
  saved[key] = { size: part.batchSize, read };
  await store.set(PROGRESS_KEY, saved);
  const progress = { batchId: part.batchId, size: part.batchSize, read };
  return { ...progress, message: describeProgress(progress) };
}

export function describeProgress({ size, read }: { size: number; read: number[] }): string {
  if (size === 1) return 'Export read.';
  const missing = Array.from({ length: size }, (_, i) => i).filter((i) => !read.includes(i));
  if (missing.length === 0) return `QR ${read.length} of ${size} read: the export is complete.`;
  return `QR ${read.length} of ${size} read: still to scan ${missing.map((i) => `QR ${i + 1}`).join(', ')}.`;
}

function readSaved(value: unknown): Saved {
  if (typeof value !== 'object' || value === null) return {};
  const saved: Saved = {};
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    const { size, read } = (entry ?? {}) as { size?: unknown; read?: unknown };
    if (typeof size === 'number' && Array.isArray(read)) saved[key] = { size, read: read.filter((i): i is number => typeof i === 'number') };
  }
  return saved;
}
