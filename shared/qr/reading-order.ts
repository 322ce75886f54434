// Puts found codes in reading order and drops repeats (overlapping tiles find the same code twice).
import type { FoundCode } from './types';

/** Rows top to bottom (a code whose centre lies within a row's first code joins that row), then left to right. */
export function orderTexts(found: FoundCode[]): string[] {
  const distinct = new Map<string, FoundCode>();
  for (const code of found) if (!distinct.has(code.text)) distinct.set(code.text, code);
  const byTop = [...distinct.values()].sort((a, b) => a.centreY - a.height / 2 - (b.centreY - b.height / 2));
  const rows: FoundCode[][] = [];
  for (const code of byTop) {
    const row = rows[rows.length - 1];
    const first = row?.[0];
    if (first && Math.abs(code.centreY - first.centreY) <= first.height / 2) row.push(code);
    else rows.push([code]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.centreX - b.centreX)).map((code) => code.text);
}
