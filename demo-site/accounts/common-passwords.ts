// NIST SP 800-63B asks verifiers to refuse passwords found in lists of commonly used ones.
// The list ships with the site (common-passwords.txt); nothing is fetched at run time.
import { readFileSync } from 'node:fs';

let list: Set<string> | null = null;

function loadList(): Set<string> {
  const text = readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8');
  return new Set(text.split('\n').filter((line) => line && !line.startsWith('# ')).map((line) => line.trim().toLowerCase()));
}

export function isCommonPassword(password: string): boolean {
  list ??= loadList();
  return list.has(password.toLowerCase());
}

export function commonPasswordCount(): number {
  list ??= loadList();
  return list.size;
}
