// The checks a finder-pattern candidate must pass, reading pixels around it: run ratios along lines through its
// centre, and its rings. Run lengths are measured to sub-pixel edges (where the grey crosses the threshold between
// two pixels), so anti-aliased modules of 1.25 or 2 px at any offset keep their true widths.
import type { GreyImage } from './pixels';
import type { Thresholds } from './threshold';

/** Larger modules are left to the whole-frame pass, which reads them; the thresholds' window is sized for these (with slack). */
export const MAX_MODULE_PX = 6;

export interface Probe {
  grey: GreyImage;
  thresholds: Thresholds;
  /** Scratch for runsFrom: the centre's, light ring's and outer ring's lengths. */
  line: Float64Array;
}

/** 1:1:3:1:1, within half a module (at least a pixel, for rounding); the centre is always the longest run. */
export function isFinderRatio(r0: number, r1: number, r2: number, r3: number, r4: number): boolean {
  const total = r0 + r1 + r2 + r3 + r4;
  if (total < 7 || total > 8 * MAX_MODULE_PX) return false;
  const module = total / 7;
  const tolerance = Math.max(module / 2, 1);
  return r2 > Math.max(r0, r1, r3, r4) && Math.abs(r2 - 3 * module) <= 1.5 * tolerance &&
    Math.abs(r0 - module) <= tolerance && Math.abs(r1 - module) <= tolerance &&
    Math.abs(r3 - module) <= tolerance && Math.abs(r4 - module) <= tolerance;
}

/** Where between two neighbouring pixels (0 = the first's centre, 1 = the second's) the grey crosses `level`. */
export function crossing(first: number, second: number, level: number): number {
  return first === second ? 0.5 : Math.min(1, Math.max(0, (level - first) / (second - first)));
}

export interface CrossCheck { total: number; offset: number }

/**
 * The five runs through the centre of pixel (x, y) along a direction (in steps of one pixel along each axis it
 * moves on). Their total, and how far the centre run's middle lies from (x, y)'s centre; null when they are not
 * 1:1:3:1:1 of about `expected` steps.
 */
export function crossCheck(probe: Probe, x: number, y: number, dx: number, dy: number, expected: number, inverted: boolean): CrossCheck | null {
  if (!isInk(probe, x, y, inverted)) return null;
  const limit = Math.ceil(expected * 1.5) + 2;
  const { line } = probe;
  if (!runsFrom(probe, x, y, dx, dy, limit, inverted)) return null;
  const [forwardCentre, forwardLight, forwardInk] = line;
  if (!runsFrom(probe, x, y, -dx, -dy, limit, inverted)) return null;
  const centre = forwardCentre + line[0];
  const total = centre + forwardLight + forwardInk + line[1] + line[2];
  if (!isFinderRatio(line[2], line[1], centre, forwardLight, forwardInk)) return null;
  if (Math.abs(total - expected) > expected * 0.4 + 2) return null;
  return { total, offset: (forwardCentre - line[0]) / 2 };
}

// Into probe.line, from the centre of (x, y) outwards: to the centre's edge, across the light ring, across the outer
// ring. False past `limit` steps, or when the light ring meets the frame's edge (a finder needs its outer ring).
function runsFrom(probe: Probe, x: number, y: number, dx: number, dy: number, limit: number, inverted: boolean): boolean {
  const { line, grey, thresholds } = probe;
  let state = 0;
  let edge = 0;
  let previous = grey.data[y * grey.width + x];
  for (let step = 1; step <= limit; step++) {
    x += dx; y += dy;
    if (x < 0 || y < 0 || x >= grey.width || y >= grey.height) {
      line[2] = step - 0.5 - edge;
      return state === 2;
    }
    const value = grey.data[y * grey.width + x];
    if (isInk(probe, x, y, inverted) === (state !== 1)) {
      previous = value;
      continue;
    }
    const at = step - 1 + crossing(previous, value, levelAt(thresholds, x, y));
    line[state] = at - edge;
    if (state === 2) return true;
    edge = at;
    state++;
    previous = value;
  }
  return false;
}

function levelAt(thresholds: Thresholds, x: number, y: number): number {
  return thresholds.levels[(y >> thresholds.shift) * thresholds.columns + (x >> thresholds.shift)];
}

// The finder's own colour: dark, or light for an inverted one. A window too flat for a threshold is neither.
function isInk(probe: Probe, x: number, y: number, inverted: boolean): boolean {
  const level = levelAt(probe.thresholds, x, y);
  return level >= 0 && (probe.grey.data[y * probe.grey.width + x] < level) !== inverted;
}

/**
 * A finder's outer ring (3 modules from its centre) is ink all round and the separator beyond it (4 modules) is blank
 * all round. Checked at module centres along both squares; a quarter may miss (anti-aliased edges, rounding).
 * Noise and text pass the three cross-checks now and then, but not this.
 */
export function hasRings(probe: Probe, centre: { x: number; y: number; module: number; inverted: boolean }): boolean {
  const { x, y, module, inverted } = centre;
  const { width, height } = probe.grey;
  let agree = 0;
  let total = 0;
  for (let radius = 3; radius <= 4; radius++) {
    for (let k = -radius; k < radius; k++) {
      for (const [dx, dy] of [[k, -radius], [radius, k], [-k, radius], [-radius, -k]]) {
        const px = Math.floor(x + dx * module), py = Math.floor(y + dy * module);
        total++;
        if (px >= 0 && py >= 0 && px < width && py < height && isInk(probe, px, py, inverted) === (radius === 3)) agree++;
      }
    }
  }
  return agree >= total * 0.75;
}
