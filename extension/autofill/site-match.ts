// Which site a page belongs to, and whether an account may fill there. Sites are registrable domains
// (public suffix list, private suffixes included), so github.com.evil.example is evil.example and never github.com.
import { parse } from 'tldts';

/** The registrable domain of an http(s) URL (its host name for IP addresses and localhost), or null for other pages. */
export function siteOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const { domain, hostname } = parse(parsed.hostname, { allowPrivateDomains: true });
  return (domain ?? hostname)?.toLowerCase() ?? null;
}

/** An account fills silently only where every URL given (the page, and the frame holding the field) is one of its sites. */
export function isAllowedOn(sites: readonly string[], ...urls: string[]): boolean {
  if (urls.length === 0) return false;
  return urls.every((url) => {
    const site = siteOf(url);
    return site !== null && sites.includes(site);
  });
}
