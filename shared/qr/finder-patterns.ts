// Finds QR finder patterns (the three nested squares in a code's corners) by their 1:1:3:1:1 run lengths, on the
// grey frame at full resolution: a dense code's finder is under 9 px wide, so no downsampled image would keep it.
// Allocation-free inner loops: on noise, a few hundred thousand run windows reach the ratio check.
import type { GreyImage } from './pixels';
import { thresholdBlocks, type Thresholds } from './threshold';

export interface FinderPattern {
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
/** Larger modules are left to the whole-frame pass, which reads them; the thresholds' window is sized for these. */
export const MAX_MODULE_PX = 6;

interface Scan { grey: GreyImage; thresholds: Thresholds; found: FinderPattern[]; runs: Int32Array; line: Int32Array }

export function findFinderPatterns(grey: GreyImage): FinderPattern[] {
  const scan: Scan = { grey, thresholds: thresholdBlocks(grey), found: [], runs: new Int32Array(5), line: new Int32Array(3) };
  for (let y = 0; y < grey.height; y += ROW_STEP) scanRow(scan, y);
  return scan.found.filter((pattern) => hasRings(scan, pattern));
}

// The row as runs of one colour. Whenever a run ends, the last five are checked: dark-centred ones for dark codes
// on light, light-centred ones for light codes on dark (dark mode pages, inverted codes).
function scanRow(scan: Scan, y: number): void {
  const { grey: { data, width }, thresholds: { levels, shift, columns }, runs } = scan;
  const row = y * width;
  const blockRow = (y >> shift) * columns;
  let count = 0; // runs completed in this row; the first may be cut by the frame's edge
  let length = 0;
  let wasDark = data[row] < levels[blockRow];
  for (let x = 1; x <= width; x++) {
    const dark = x < width ? data[row + x] < levels[blockRow + (x >> shift)] : !wasDark;
    length++;
    if (dark === wasDark) continue;
    runs[0] = runs[1]; runs[1] = runs[2]; runs[2] = runs[3]; runs[3] = runs[4]; runs[4] = length;
    if (++count >= 5 && isFinderRatio(runs[0], runs[1], runs[2], runs[3], runs[4])) confirm(scan, x, y, !wasDark);
    length = 0;
    wasDark = dark;
  }
}

/** 1:1:3:1:1, allowing a pixel of rounding at the smallest sizes; the centre is always the longest run. */
function isFinderRatio(r0: number, r1: number, r2: number, r3: number, r4: number): boolean {
  const total = r0 + r1 + r2 + r3 + r4;
  if (total < 7 || total > 7 * MAX_MODULE_PX) return false;
  const module = total / 7;
  const tolerance = Math.max(module / 2, 1);
  return r2 > Math.max(r0, r1, r3, r4) && Math.abs(r2 - 3 * module) <= 1.5 * tolerance &&
    Math.abs(r0 - module) <= tolerance && Math.abs(r1 - module) <= tolerance &&
    Math.abs(r3 - module) <= tolerance && Math.abs(r4 - module) <= tolerance;
}

// A row's 1:1:3:1:1 ending at `end` holds when a column, then a row, then a diagonal through its centre agree.
function confirm(scan: Scan, end: number, y: number, inverted: boolean): void {
  const { runs } = scan;
  const across = runs[0] + runs[1] + runs[2] + runs[3] + runs[4];
  const x = Math.floor(end - runs[4] - runs[3] - runs[2] / 2);
  const down = crossCheck(scan, x, y, 0, 1, across, inverted);
  if (Number.isNaN(down)) return;
  const vertical = checkedTotal;
  const centreY = y + 0.5 + down;
  const side = crossCheck(scan, x, Math.floor(centreY), 1, 0, across, inverted);
  if (Number.isNaN(side)) return;
  const horizontal = checkedTotal;
  const centreX = x + 0.5 + side;
  if (Number.isNaN(crossCheck(scan, Math.floor(centreX), Math.floor(centreY), 1, 1, across * Math.SQRT2, inverted))) return;
  record(scan.found, { x: centreX, y: centreY, module: (vertical + horizontal) / 14, hits: 1, inverted });
}

let checkedTotal = 0; // the last successful crossCheck's run total, kept outside to spare an allocation per call

/**
 * The five runs through (x, y) along a direction, (x, y) lying in the finder's centre. Returns how far the centre
 * run's middle lies from the middle of pixel (x, y), or NaN when they are not 1:1:3:1:1 of about `expected` pixels.
 */
function crossCheck(scan: Scan, x: number, y: number, dx: number, dy: number, expected: number, inverted: boolean): number {
  if (!isInk(scan, x, y, inverted)) return Number.NaN;
  const limit = Math.ceil(expected * 1.5) + 2;
  const { line } = scan;
  if (!runsFrom(scan, x, y, dx, dy, limit, inverted)) return Number.NaN;
  const [forwardCentre, forwardLight, forwardInk] = line;
  if (!runsFrom(scan, x, y, -dx, -dy, limit, inverted)) return Number.NaN;
  const centre = forwardCentre + line[0] - 1;
  const total = centre + forwardLight + forwardInk + line[1] + line[2];
  if (!isFinderRatio(line[2], line[1], centre, forwardLight, forwardInk)) return Number.NaN;
  if (Math.abs(total - expected) > expected * 0.4 + 2) return Number.NaN;
  checkedTotal = total;
  return (forwardCentre - line[0]) / 2;
}

// Into scan.line, from (x, y) outwards: the centre's length, the light ring's, the outer ring's. False past `limit`
// pixels, or when the light ring meets the frame's edge (a finder needs its outer ring).
function runsFrom(scan: Scan, x: number, y: number, dx: number, dy: number, limit: number, inverted: boolean): boolean {
  const { line, grey } = scan;
  line.fill(0);
  let state = 0;
  for (let steps = 0; steps <= limit; steps++, x += dx, y += dy) {
    if (x < 0 || y < 0 || x >= grey.width || y >= grey.height) return state === 2;
    if (isInk(scan, x, y, inverted) !== (state !== 1)) {
      if (state === 2) return true;
      state++;
    }
    line[state]++;
  }
  return false;
}

// The finder's own colour: dark, or light for an inverted one. A window too flat for a threshold is neither.
function isInk({ grey, thresholds }: Scan, x: number, y: number, inverted: boolean): boolean {
  const level = thresholds.levels[(y >> thresholds.shift) * thresholds.columns + (x >> thresholds.shift)];
  return level >= 0 && (grey.data[y * grey.width + x] < level) !== inverted;
}

/**
 * A finder's outer ring (3 modules from its centre) is ink all round and the separator beyond it (4 modules) is blank
 * all round. Checked at module centres along both squares; a quarter may miss (anti-aliased edges, rounding).
 * Noise and text pass the three cross-checks now and then, but not this.
 */
function hasRings(scan: Scan, { x, y, module, inverted }: FinderPattern): boolean {
  let agree = 0;
  let total = 0;
  for (let radius = 3; radius <= 4; radius++) {
    for (let k = -radius; k < radius; k++) {
      for (const [dx, dy] of [[k, -radius], [radius, k], [-k, radius], [-radius, -k]]) {
        const px = Math.floor(x + dx * module), py = Math.floor(y + dy * module);
        total++;
        if (px >= 0 && py >= 0 && px < scan.grey.width && py < scan.grey.height && isInk(scan, px, py, inverted) === (radius === 3)) agree++;
      }
    }
  }
  return agree >= total * 0.75;
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
