// Finds QR finder patterns (the three nested squares in a code's corners) by their 1:1:3:1:1 run lengths, on the
// grey frame at full resolution: a dense code's finder is under 9 px wide, so no downsampled image would keep it.
// Allocation-free inner loops: on noise, a few hundred thousand run windows reach the ratio check.
import { crossCheck, crossing, hasRings, isFinderRatio, type Probe } from './finder-checks';
import type { GreyImage } from './pixels';
import { thresholdBlocks } from './threshold';

export interface FinderPattern {
  /** Centre, in frame pixels. */
  x: number;
  y: number;
  /** Estimated module size in pixels. */
  module: number;
  /** How many scanned rows confirmed it. */
  hits: number;
  /** Light on dark. */
  inverted: boolean;
}

/** Rows scanned: every other one. A finder's centre is 3 modules tall, so even at 1.25 px a module a row crosses it. */
const ROW_STEP = 2;

export function findFinderPatterns(grey: GreyImage): FinderPattern[] {
  const probe: Probe = { grey, thresholds: thresholdBlocks(grey), line: new Float64Array(3) };
  const found: FinderPattern[] = [];
  const runs = new Float64Array(5);
  for (let y = 0; y < grey.height; y += ROW_STEP) scanRow(probe, y, runs, found);
  return found.filter((pattern) => hasRings(probe, pattern));
}

// The row as runs of one colour, measured between sub-pixel edges. Whenever a run ends, the last five are checked:
// dark-centred ones for dark codes on light, light-centred ones for light codes on dark (dark mode, inverted codes).
function scanRow(probe: Probe, y: number, runs: Float64Array, found: FinderPattern[]): void {
  const { grey: { data, width }, thresholds: { levels, shift, columns } } = probe;
  const row = y * width;
  const blockRow = (y >> shift) * columns;
  let count = 0; // runs completed in this row; the first may be cut by the frame's edge
  let edge = 0;
  let wasDark = data[row] < levels[blockRow];
  for (let x = 1; x <= width; x++) {
    const level = x < width ? levels[blockRow + (x >> shift)] : 0;
    if (level < 0 && !wasDark) {
      x = (((x >> shift) + 1) << shift) - 1; // a flat block is all light: nothing changes before its end
      continue;
    }
    const dark = x < width ? data[row + x] < level : !wasDark;
    if (dark === wasDark) continue;
    const at = x < width ? x - 0.5 + crossing(data[row + x - 1], data[row + x], level) : width;
    runs[0] = runs[1]; runs[1] = runs[2]; runs[2] = runs[3]; runs[3] = runs[4]; runs[4] = at - edge;
    if (++count >= 5 && isFinderRatio(runs[0], runs[1], runs[2], runs[3], runs[4])) confirm(probe, at, y, runs, !wasDark, found);
    edge = at;
    wasDark = dark;
  }
}

// A row's 1:1:3:1:1 ending at `end` holds when a column, then a row, then a diagonal through its centre agree.
function confirm(probe: Probe, end: number, y: number, runs: Float64Array, inverted: boolean, found: FinderPattern[]): void {
  const across = runs[0] + runs[1] + runs[2] + runs[3] + runs[4];
  const x = Math.floor(end - runs[4] - runs[3] - runs[2] / 2);
  const down = crossCheck(probe, x, y, 0, 1, across, inverted);
  if (!down) return;
  const centreY = y + 0.5 + down.offset;
  const side = crossCheck(probe, x, Math.floor(centreY), 1, 0, across, inverted);
  if (!side) return;
  const centreX = x + 0.5 + side.offset;
  // Along a diagonal each step is a pixel along both axes, so the finder is as many steps across as it is pixels wide.
  if (!crossCheck(probe, Math.floor(centreX), Math.floor(centreY), 1, 1, across, inverted)) return;
  record(found, { x: centreX, y: centreY, module: (down.total + side.total) / 14, hits: 1, inverted });
}

// The same finder is crossed by several rows: fold them into one, averaged.
function record(found: FinderPattern[], pattern: FinderPattern): void {
  for (const known of found) {
    const near = Math.max(known.module, pattern.module) * 2;
    if (known.inverted === pattern.inverted && Math.abs(known.x - pattern.x) <= near && Math.abs(known.y - pattern.y) <= near) {
      const hits = known.hits + 1;
      known.x = (known.x * known.hits + pattern.x) / hits;
      known.y = (known.y * known.hits + pattern.y) / hits;
      known.module = (known.module * known.hits + pattern.module) / hits;
      known.hits = hits;
      return;
    }
  }
  found.push(pattern);
}
