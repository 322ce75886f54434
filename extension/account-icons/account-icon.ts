// Which icon an account shows: the brand mark of its issuer when it is one of the bundled ones (by issuer name, an
// alias, the issuer's first word, or the name of one of its sites), a coloured initial otherwise. Plain functions over
// plain data, remembered per issuer and sites so a long list costs one lookup per account.
import { BRAND_ALIASES, BRAND_ICONS, type BrandIcon } from './brands';

export type AccountIcon =
  | { kind: 'brand'; slug: string; title: string; path: string; background: string; foreground: string }
  | { kind: 'initial'; letter: string; background: string; foreground: string };

// Backgrounds that white text reads on (contrast 4.5:1 or more), in light and dark mode alike.
const INITIAL_COLOURS = ['#1f6feb', '#8250df', '#bf3989', '#cf222e', '#bc4c00', '#7d5c00', '#1a7f37', '#0a7c86', '#5a32a3', '#b3261e', '#3b5bdb', '#6e5494'];

const BY_KEY = new Map<string, BrandIcon>();
for (const icon of BRAND_ICONS) {
  BY_KEY.set(toKey(icon.slug), icon);
  BY_KEY.set(toKey(icon.title), icon);
}
for (const [alias, slug] of Object.entries(BRAND_ALIASES)) {
  const icon = BRAND_ICONS.find((candidate) => candidate.slug === slug);
  if (icon) BY_KEY.set(alias, icon);
}

const remembered = new Map<string, AccountIcon>();

export function iconForAccount(account: { issuer: string; account: string; sites: readonly string[] }): AccountIcon {
  const cacheKey = `${account.issuer}\n${account.account}\n${account.sites.join(' ')}`;
  let icon = remembered.get(cacheKey);
  if (!icon) {
    const brand = findBrand(account.issuer, account.sites);
    icon = brand ? brandIcon(brand) : initialIcon(account.issuer || account.account);
    remembered.set(cacheKey, icon);
  }
  return icon;
}

export function findBrand(issuer: string, sites: readonly string[]): BrandIcon | null {
  const firstWord = issuer.trim().split(/[\s:(),/-]+/)[0] ?? '';
  // A site's name without its suffix: github.com -> github, pypi.org -> pypi.
  const siteNames = sites.map((site) => site.split('.')[0]);
  // The first word alone is trusted from three letters on: "X-Ray Labs" is not X, "EA Sports" names no mark by "EA".
  const words = toKey(firstWord).length >= 3 ? [firstWord] : [];
  for (const candidate of [issuer, ...words, ...siteNames]) {
    const icon = BY_KEY.get(toKey(candidate));
    if (icon) return icon;
  }
  return null;
}

function brandIcon(brand: BrandIcon): AccountIcon {
  return { kind: 'brand', slug: brand.slug, title: brand.title, path: brand.path, background: `#${brand.hex}`, foreground: readableOn(brand.hex) };
}

function initialIcon(name: string): AccountIcon {
  const letter = (Array.from(name.trim()).find((ch) => /[\p{L}\p{N}]/u.test(ch)) ?? '?').toLocaleUpperCase();
  const key = toKey(name);
  let hash = 0;
  for (const ch of key) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return { kind: 'initial', letter, background: INITIAL_COLOURS[hash % INITIAL_COLOURS.length], foreground: '#ffffff' };
}

/** Black or white, whichever reads better on the brand's colour (WCAG relative luminance). */
export function readableOn(hex: string): string {
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) ? '#000000' : '#ffffff';
}

function toKey(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');
}
