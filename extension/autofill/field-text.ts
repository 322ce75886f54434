// What a field says about itself, as words: its attributes and the text of its labels, normalised for keyword matching.
// A field with no label of its own is described by the text just before it, as a person reading the page would.
import { AUTHENTICATOR_HINTS, NEVER_HINTS, RECOVERY_HINTS, STRONG_HINTS, WEAK_HINTS } from './keywords';

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
// Matched as the start of a word, so compounds count too (Wiederherstellungscode, recoverycodes).
const RECOVERY = asWords(RECOVERY_HINTS).map((hint) => hint.trimEnd());
const AUTHENTICATOR = asWords(AUTHENTICATOR_HINTS);
const NEARBY_DEPTH = 4;
const NEARBY_CHARS = 150;
const FORM_CONTROLS = 'input, select, textarea, button';

export function describeField(input: HTMLInputElement): string {
  const own = [input.placeholder, input.getAttribute('aria-label') ?? '', input.title];
  for (const label of Array.from(input.labels ?? [])) own.push(label.textContent ?? '');
  const labelledBy = input.getAttribute('aria-labelledby');
  if (labelledBy) {
    for (const id of labelledBy.split(/\s+/)) own.push(input.ownerDocument.getElementById(id)?.textContent ?? '');
  }
  if (own.every((text) => text.trim() === '')) own.push(usableNearbyText(input));
  return toWords([input.name, input.id, input.autocomplete, ...own].join(' '));
}

/** Text near a field says "recovery code" or "code" as a label would; text about something else ("Checking your
 * password...", "ZIP code") is the page's, not the field's, and is left out rather than held against the field. */
function usableNearbyText(input: HTMLInputElement): string {
  const text = nearbyText(input);
  return NEVER.some((hint) => toWords(text).includes(hint)) ? '' : text;
}

/** The nearest text before the field, within a few levels of its containers; none once another control comes between. */
export function nearbyText(input: Element): string {
  let node: Node | null = input;
  for (let depth = 0; node && depth < NEARBY_DEPTH && node.nodeName !== 'BODY'; depth++) {
    for (let sibling = node.previousSibling; sibling; sibling = sibling.previousSibling) {
      if (sibling.nodeType === 1) {
        const element = sibling as Element;
        if (element.matches('script, style, template')) continue;
        if (element.matches(FORM_CONTROLS) || element.querySelector(FORM_CONTROLS)) return '';
      }
      const text = sibling.textContent?.trim() ?? '';
      if (text) return text.slice(-NEARBY_CHARS);
    }
    node = node.parentNode;
  }
  return '';
}

export const hasStrongHint = (words: string) => STRONG.some((hint) => words.includes(hint));
export const hasWeakHint = (words: string) => WEAK.some((hint) => words.includes(hint));

/** Never filled: a password or other field that is no code's, and a backup or recovery code field that does not also
 * take the authenticator's code. */
export function isRefusedField(words: string): boolean {
  if (NEVER.some((hint) => words.includes(hint))) return true;
  return RECOVERY.some((hint) => words.includes(hint)) && !AUTHENTICATOR.some((hint) => words.includes(hint));
}
