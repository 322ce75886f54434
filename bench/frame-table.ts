// The QR benchmarks' table: per frame, the shared decoder's median and max beside the baseline's, measured in the
// same run, and a summary against the goals (each frame within its time goal; frames without a code at least 1.5x
// faster than the baseline; no frame read by the baseline missed by the decoder). Maxima are what a shared machine
// disturbs most, so the table says how busy the machine was.
import { availableParallelism, loadavg } from 'node:os';

export interface FrameFigures {
  name: string;
  size: string;
  /** The texts the frame shows; none for a frame without a code. */
  expected: string[];
  /** Shared decoder: one time per run (ms), what the last run read and the passes it ran. */
  ours: number[];
  /** Where it can be measured (Node): the processor time of each of those runs, which other work on the machine barely changes. */
  oursCpu?: number[];
  texts: string[];
  passes: string[];
  /** Baseline (qrcode-reader, then jsQR): one time per run (ms), what it read. */
  theirs: number[];
  theirTexts: string[];
  /** Where frames are captures (the extension's worker): the time to unpack the PNG into pixels, per run (ms). */
  unpackMs?: number[];
}

const SPEED_UP_GOAL = 1.5;

/**
 * Runs the shared decoder `runs` times and the baseline `baselineRuns` times, the baseline's runs spread among the
 * decoder's (first, then evenly), so a burst of other work on the machine falls on both alike.
 */
export async function alternateRuns(runs: number, baselineRuns: number, ours: () => Promise<void>, theirs: () => void): Promise<void> {
  const every = Math.ceil(runs / baselineRuns);
  for (let i = 0, done = 0; i < runs; i++) {
    await ours();
    if (i % every === 0 && done++ < baselineRuns) theirs();
  }
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function verdict(expected: string[], texts: string[]): string {
  const right = texts.length === expected.length && expected.every((text) => texts.includes(text));
  if (expected.length === 0) return right ? 'none (right)' : 'FALSE READ';
  return right ? 'read' : 'MISSED';
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

/** `what` says which frames and where, e.g. "the captured frames, in the extension's service worker". */
export function formatFrameTable(frames: FrameFigures[], goalMs: number, what: string): string {
  const rows = frames.map((f) => {
    const cpu = f.oursCpu ? ` (processor ${ms(Math.max(...f.oursCpu))})` : '';
    const ours = `${ms(percentile(f.ours, 50))} / ${ms(Math.max(...f.ours))}${cpu}`;
    const theirs = `${ms(percentile(f.theirs, 50))} / ${ms(Math.max(...f.theirs))}`;
    const speedUp = percentile(f.theirs, 50) / percentile(f.ours, 50);
    return `| ${f.name} | ${f.size} | ${ours} | ${verdict(f.expected, f.texts)} (${f.passes.join('+')}) | ${theirs} | ${verdict(f.expected, f.theirTexts)} | ${speedUp.toFixed(1)}x |`;
  });
  return [
    `\nDecoding ${what} (shared decoder ${frames[0]?.ours.length} runs, baseline ${frames[0]?.theirs.length} runs a frame, taking turns; goal: every frame within ${goalMs} ms;` +
      ` load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores):`,
    `| frame | size | shared decoder median / max${frames[0]?.oursCpu ? ' (processor time, max)' : ''} | read | qrcode-reader + jsQR median / max | read | speed-up (medians) |`,
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

export function summariseFrames(frames: FrameFigures[], goalMs: number): string {
  const worst = frames.reduce((a, b) => (Math.max(...b.ours) > Math.max(...a.ours) ? b : a));
  const without = frames.filter((f) => f.expected.length === 0);
  const speedUps = without.map((f) => percentile(f.theirs, 50) / Math.max(...f.ours));
  const readOurs = frames.filter((f) => f.expected.length > 0 && verdict(f.expected, f.texts) === 'read').length;
  const readTheirs = frames.filter((f) => f.expected.length > 0 && verdict(f.expected, f.theirTexts) === 'read').length;
  const lost = frames.filter((f) => verdict(f.expected, f.theirTexts) === 'read' && verdict(f.expected, f.texts) !== 'read' && f.expected.length > 0);
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const cpuMax = frames.every((f) => f.oursCpu) ? Math.max(...frames.flatMap((f) => f.oursCpu!)) : undefined;
  const cpu = cpuMax === undefined ? '' : `; processor time of a run at most ${ms(cpuMax)} (${cpuMax <= goalMs ? 'within' : 'over'} ${goalMs} ms)`;
  return [
    `every frame within ${goalMs} ms (max of the runs): ${met(Math.max(...worst.ours) <= goalMs)}, slowest ${ms(Math.max(...worst.ours))} on "${worst.name}"${cpu}`,
    `frames without a code: decoder max ${ms(Math.max(...without.flatMap((f) => f.ours)))}; baseline median over the decoder's max, worst frame ` +
      `${Math.min(...speedUps).toFixed(2)}x (goal ${SPEED_UP_GOAL}x: ${met(Math.min(...speedUps) >= SPEED_UP_GOAL)})`,
    `frames read: shared decoder ${readOurs}/${frames.length - without.length}, baseline ${readTheirs}/${frames.length - without.length}; ` +
      `read by the baseline but missed: ${lost.length === 0 ? 'none' : lost.map((f) => f.name).join(', ')}`,
  ].join('\n');
}
