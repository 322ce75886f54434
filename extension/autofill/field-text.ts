// What a field says about itself, as words: its attributes and the text of its labels, normalised for keyword matching.
import { NEVER_HINTS, STRONG_HINTS, WEAK_HINTS } from './keywords';

/** Lower case, camelCase and snake_case split into words, punctuation to spaces, padded so ` word ` matches whole words. */
export function toWords(text: string): string {
  const words = text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  // "One-time password" is a code field, not a password field.
  return ` ${words} `.replace(/ one time passwords? /g, ' otp ').replace(/ einmalpasswort /g, ' otp ');
}

const asWords = (hints: string[]) => hints.map((hint) => toWords(hint));
const STRONG = asWords(STRONG_HINTS);
const WEAK = asWords(WEAK_HINTS);
const NEVER = asWords(NEVER_HINTS);

export function describeField(input: HTMLInputElement): string {
  const parts = [input.name, input.id, input.placeholder, input.getAttribute('aria-label') ?? '', input.autocomplete, input.title];
  for (const label of Array.from(input.labels ?? [])) parts.push(label.textContent ?? '');
  const labelledBy = input.getAttribute('aria-labelledby');
  if (labelledBy) {
    for (const id of labelledBy.split(/\s+/)) parts.push(input.ownerDocument.getElementById(id)?.textContent ?? '');
  }
  return toWords(parts.join(' '));
}

export const hasStrongHint = (words: string) => STRONG.some((hint) => words.includes(hint));
export const hasWeakHint = (words: string) => WEAK.some((hint) => words.includes(hint));
export const hasNeverHint = (words: string) => NEVER.some((hint) => words.includes(hint));
