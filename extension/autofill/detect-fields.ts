// Finds where a one-time code goes on a page: one input, or 4 to 8 one-character boxes in a row. Looks into open shadow
// roots and same-origin frames; never picks a password, hidden, disabled, backup-code or recovery-code field.
import { describeField, hasStrongHint, hasWeakHint, isRefusedField } from './field-text';

export type CodeTarget = { kind: 'single'; input: HTMLInputElement } | { kind: 'split'; inputs: HTMLInputElement[] };

// input.type reads 'text' for a missing or unknown type attribute.
const TEXTUAL_TYPES = new Set(['text', 'tel', 'number']);
const MIN_SINGLE_SCORE = 30;
// A box of split code inputs without a maxlength is told by its size: a digit's width, not a text field's.
const MAX_BOX_WIDTH = 64;
const BOX_WIDTH_SPREAD = 8;

/** `unreadFrames` collects the frames of other origins met on the way: their fields are out of the page's reach. */
export function findCodeTarget(root: Document, unreadFrames: HTMLIFrameElement[] = []): CodeTarget | null {
  const inputs = collectInputs(root, unreadFrames).filter(isFillable);
  const split = findSplitBoxes(inputs);
  let best: { input: HTMLInputElement; score: number } | null = null;
  const alone = inputs.length === 1;
  for (const input of inputs) {
    if (split?.includes(input)) continue;
    // The only field a code step shows needs fewer hints: a label nearby saying "code" is enough.
    const score = scoreSingle(input) + (alone ? 10 : 0);
    if (score >= MIN_SINGLE_SCORE && (!best || score > best.score)) best = { input, score };
  }
  if (best && best.input.autocomplete === 'one-time-code') return { kind: 'single', input: best.input };
  if (split) return { kind: 'split', inputs: split };
  return best ? { kind: 'single', input: best.input } : null;
}

/** Every input in document order, through open shadow roots and same-origin frames; other frames go to `unreadFrames`. */
export function collectInputs(root: Document | ShadowRoot, unreadFrames: HTMLIFrameElement[] = []): HTMLInputElement[] {
  const found: HTMLInputElement[] = [];
  const walk = (node: Document | ShadowRoot | Element) => {
    for (const element of Array.from(node.querySelectorAll('*'))) {
      if (element instanceof (element.ownerDocument.defaultView?.HTMLInputElement ?? HTMLInputElement)) found.push(element as HTMLInputElement);
      if (element.shadowRoot) walk(element.shadowRoot);
      if (element.tagName === 'IFRAME') {
        const frameDoc = sameOriginDocument(element as HTMLIFrameElement);
        if (frameDoc) walk(frameDoc);
        else unreadFrames.push(element as HTMLIFrameElement);
      }
    }
  };
  walk(root);
  return found;
}

function sameOriginDocument(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument; // null, or a SecurityError, for another origin
  } catch {
    return null;
  }
}

function isFillable(input: HTMLInputElement): boolean {
  if (!TEXTUAL_TYPES.has(input.type)) return false;
  if (input.disabled || input.readOnly) return false;
  if (!isVisible(input)) return false;
  return !isRefusedField(describeField(input));
}

export function isVisible(element: Element, minWidth = 1, minHeight = 1): boolean {
  const view = element.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(element);
  if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
  const rect = element.getBoundingClientRect();
  return rect.width >= minWidth && rect.height >= minHeight;
}

function scoreSingle(input: HTMLInputElement): number {
  const words = describeField(input);
  let score = 0;
  if (input.autocomplete === 'one-time-code') score += 100;
  if (hasStrongHint(words)) score += 40;
  else if (hasWeakHint(words)) score += 20;
  if (input.inputMode === 'numeric' || input.type === 'tel' || input.type === 'number') score += 10;
  if (input.maxLength >= 6 && input.maxLength <= 8) score += 15;
  if (/\\d\{[6-8]/.test(input.pattern) || /\[0-9\]\{[6-8]/.test(input.pattern)) score += 10;
  return score;
}

/** 4 to 8 visible one-character inputs that follow one another in the same container form split code boxes: boxes with
 * maxlength=1, or digit-sized boxes of one width without any maxlength (e.g. six type=number inputs). */
function findSplitBoxes(inputs: HTMLInputElement[]): HTMLInputElement[] | null {
  const boxes = inputs.filter(isCodeBox);
  let run: HTMLInputElement[] = [];
  const runs: HTMLInputElement[][] = [];
  for (const input of boxes) {
    const previous = run[run.length - 1];
    if (previous && commonAncestorDepth(previous, input) <= 3 && inputs.indexOf(input) === inputs.indexOf(previous) + 1) run.push(input);
    else {
      if (run.length) runs.push(run);
      run = [input];
    }
  }
  if (run.length) runs.push(run);
  return runs.find((r) => r.length >= 4 && r.length <= 8 && isEvenRow(r)) ?? null;
}

function isCodeBox(input: HTMLInputElement): boolean {
  if (input.maxLength === 1) return true;
  return input.maxLength < 0 && input.getBoundingClientRect().width <= MAX_BOX_WIDTH;
}

/** Boxes with a maxlength of 1 are a row as they are; boxes told by their size must all be the same size. */
function isEvenRow(row: HTMLInputElement[]): boolean {
  if (row.every((input) => input.maxLength === 1)) return true;
  const widths = row.map((input) => input.getBoundingClientRect().width);
  return Math.max(...widths) - Math.min(...widths) <= BOX_WIDTH_SPREAD;
}

/** How many levels up from `a` the nearest ancestor holding both is: boxes of one code sit close together. */
function commonAncestorDepth(a: Element, b: Element): number {
  let depth = 0;
  for (let node: Element | null = a.parentElement; node; node = node.parentElement, depth++) {
    if (node.contains(b)) return depth;
  }
  return Infinity;
}
