// Progress through an export split over several QR codes, kept per batch id in the session area (indices only,
// never an account), so "QR 2 of 3 read" holds across popup openings and scans.
import type { KeyValueArea } from '../storage/area';
import { batchReadsItem } from '../storage/items';
import type { BatchProgress } from './types';

/** Records that QR `batchIndex` of the batch was read; returns the progress and the sentence to show. */
export async function recordBatchPart(
  store: KeyValueArea,
  part: { batchId: number; batchIndex: number; batchSize: number },
): Promise<BatchProgress & { message: string }> {
  const saved = (await batchReadsItem.get(store)) ?? {};
  const key = String(part.batchId);
  const previous = saved[key]?.size === part.batchSize ? saved[key].read : [];
  const read = [...new Set([...previous, part.batchIndex])].sort((a, b) => a - b);
  saved[key] = { size: part.batchSize, read };
  await batchReadsItem.set(store, saved);
  const progress = { batchId: part.batchId, size: part.batchSize, read };
  return { ...progress, message: describeProgress(progress) };
}

export function describeProgress({ size, read }: { size: number; read: number[] }): string {
  if (size === 1) return 'Export read.';
  const missing = Array.from({ length: size }, (_, i) => i).filter((i) => !read.includes(i));
  if (missing.length === 0) return `QR ${read.length} of ${size} read: the export is complete.`;
  return `QR ${read.length} of ${size} read: still to scan ${missing.map((i) => `QR ${i + 1}`).join(', ')}.`;
}
