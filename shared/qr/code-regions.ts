// Where codes can be, from the finder patterns: three at the corners of a square outline a whole code; two that line
// up as a side or a diagonal of one outline a code whose third finder was missed.
import type { FinderPattern } from './finder-patterns';
import type { Rect } from './types';

export interface CodeRegion {
  rect: Rect;
  /** Estimated module size in frame pixels: the region is read scaled up to a readable size. */
  module: number;
  /** Three finders outline a whole code here (not just two that line up). */
  complete: boolean;
}

/** Finder centres lie 14 (version 1) to 170 (version 40) modules apart; estimates of the module size are rough. */
const MIN_SPAN_MODULES = 10;
const MAX_SPAN_MODULES = 175;
/** Modules kept around the outermost finder centres: half a finder (3.5) and some of the quiet zone. */
const MARGIN_MODULES = 7;
/** The finders considered at most, strongest first: bounds the search for triples on a frame full of look-alikes. */
const MAX_FINDERS = 40;

type Size = { width: number; height: number };

/**
 * Whole codes (finder triples, best-shaped first), then pairs of finders left over; a finder belongs to one region
 * at most. The order is the frame's own, so the same frame always gets the same regions.
 */
export function planRegions(finders: FinderPattern[], frame: Size): CodeRegion[] {
  const strongest = [...finders].sort((a, b) => b.hits - a.hits || a.y - b.y || a.x - b.x).slice(0, MAX_FINDERS);
  const used = new Set<FinderPattern>();
  const regions: CodeRegion[] = [];
  for (const [a, b, c] of findTriples(strongest)) {
    if (used.has(a) || used.has(b) || used.has(c)) continue;
    [a, b, c].forEach((finder) => used.add(finder));
    const d = { x: b.x + c.x - a.x, y: b.y + c.y - a.y };
    regions.push(regionAround([a, b, c, d], meanModule([a, b, c]), true, frame));
  }
  const left = strongest.filter((finder) => !used.has(finder));
  for (const [a, b] of findPairs(left)) {
    if (used.has(a) || used.has(b)) continue;
    used.add(a).add(b);
    regions.push(regionAround(pairOutline(a, b), meanModule([a, b]), false, frame));
  }
  return regions;
}

function alike(a: FinderPattern, b: FinderPattern): boolean {
  return a.inverted === b.inverted && Math.max(a.module, b.module) <= 1.5 * Math.min(a.module, b.module);
}

function spanFits(distance: number, module: number): boolean {
  return distance >= MIN_SPAN_MODULES * module && distance <= MAX_SPAN_MODULES * module;
}

// Triples (corner, one neighbour, the other) forming a right angle with equal sides, best-shaped first.
function findTriples(finders: FinderPattern[]): [FinderPattern, FinderPattern, FinderPattern][] {
  const found: { triple: [FinderPattern, FinderPattern, FinderPattern]; error: number }[] = [];
  for (const a of finders) {
    for (const b of finders) {
      if (b === a || !alike(a, b)) continue;
      for (const c of finders) {
        if (c === a || c === b || !alike(a, c) || !alike(b, c) || b.y > c.y || (b.y === c.y && b.x > c.x)) continue;
        const error = rightAngleError(a, b, c);
        if (error !== null) found.push({ triple: [a, b, c], error });
      }
    }
  }
  return found.sort((p, q) => p.error - q.error).map((entry) => entry.triple);
}

// How far a-b-c is from a right isosceles triangle with its right angle at a; null when too far to be one code.
function rightAngleError(a: FinderPattern, b: FinderPattern, c: FinderPattern): number | null {
  const ab = { x: b.x - a.x, y: b.y - a.y };
  const ac = { x: c.x - a.x, y: c.y - a.y };
  const lengthB = Math.hypot(ab.x, ab.y);
  const lengthC = Math.hypot(ac.x, ac.y);
  const module = meanModule([a, b, c]);
  if (!spanFits(lengthB, module) || !spanFits(lengthC, module)) return null;
  const sides = Math.abs(lengthB - lengthC) / Math.max(lengthB, lengthC);
  const cosine = Math.abs(ab.x * ac.x + ab.y * ac.y) / (lengthB * lengthC);
  const slack = 2 / Math.max(lengthB, lengthC); // a couple of pixels of rounding on small codes
  if (sides > 0.15 + slack || cosine > 0.15 + slack) return null;
  return sides + cosine;
}

// Two finders a side apart (level or upright) or a diagonal apart, with no third one found.
function findPairs(finders: FinderPattern[]): [FinderPattern, FinderPattern][] {
  const pairs: [FinderPattern, FinderPattern][] = [];
  for (let i = 0; i < finders.length; i++) {
    for (let j = i + 1; j < finders.length; j++) {
      const [a, b] = [finders[i], finders[j]];
      if (!alike(a, b)) continue;
      const dx = Math.abs(b.x - a.x), dy = Math.abs(b.y - a.y);
      const module = meanModule([a, b]);
      const level = Math.min(dx, dy) <= 0.1 * Math.max(dx, dy) + 2;
      const diagonal = Math.abs(dx - dy) <= 0.1 * Math.max(dx, dy) + 2;
      if ((level && spanFits(Math.max(dx, dy), module)) || (diagonal && spanFits(dx, module))) pairs.push([a, b]);
    }
  }
  return pairs;
}

// The code's finder centres could lie on either side of a level pair, so both sides are kept; a diagonal pair
// already spans the code.
function pairOutline(a: FinderPattern, b: FinderPattern): { x: number; y: number }[] {
  const dx = b.x - a.x, dy = b.y - a.y;
  const level = Math.min(Math.abs(dx), Math.abs(dy)) <= 0.1 * Math.max(Math.abs(dx), Math.abs(dy)) + 2;
  if (!level) return [a, b];
  return [a, b, { x: a.x - dy, y: a.y + dx }, { x: a.x + dy, y: a.y - dx }, { x: b.x - dy, y: b.y + dx }, { x: b.x + dy, y: b.y - dx }];
}

function regionAround(points: { x: number; y: number }[], module: number, complete: boolean, frame: Size): CodeRegion {
  const margin = MARGIN_MODULES * module + 2;
  const x0 = Math.max(0, Math.floor(Math.min(...points.map((p) => p.x)) - margin));
  const y0 = Math.max(0, Math.floor(Math.min(...points.map((p) => p.y)) - margin));
  const x1 = Math.min(frame.width, Math.ceil(Math.max(...points.map((p) => p.x)) + margin));
  const y1 = Math.min(frame.height, Math.ceil(Math.max(...points.map((p) => p.y)) + margin));
  return { rect: { x: x0, y: y0, width: Math.max(1, x1 - x0), height: Math.max(1, y1 - y0) }, module, complete };
}

function meanModule(finders: FinderPattern[]): number {
  return finders.reduce((sum, finder) => sum + finder.module, 0) / finders.length;
}
