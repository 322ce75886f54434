// The site of an account, in one place: what site a page is on, what a person typed or a file holds, and whether a page
// is one of an account's sites. A site is a registrable domain (public suffix list, private suffixes included), so
// github.com.evil.example is evil.example and never github.com, and alice.github.io is a site of its own; localhost
// and IP addresses are sites as they are. Nothing else is a site (a bare name like `intranet`, a suffix like github.io).
import { parse } from 'tldts';
import { isBoundTo } from './is-bound-to';

export { isBoundTo };

export type SitesResult = { sites: string[]; error?: undefined } | { sites?: undefined; error: string };

/** The site of a host name as the URL parser gives it (international names in their xn-- form), or null. */
function siteOfHostname(hostname: string): string | null {
  const info = parse(hostname, { allowPrivateDomains: true });
  if (info.isIp && info.hostname) return info.hostname;
  if (info.hostname === 'localhost') return 'localhost';
  return info.domain?.toLowerCase() ?? null;
}

/** The site of an http(s) page, or null for other pages (browser pages, files, extension pages). */
export function siteOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  return siteOfHostname(parsed.hostname);
}

/** A domain or a URL, as a person types it or a file holds it: "https://login.example.co.uk/x" is example.co.uk. */
export function toSite(entry: string): string | null {
  const text = entry.trim();
  if (text === '') return null;
  // Through the URL parser, as a page's address is, so both give the same site.
  return siteOf(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
}

/** What a person typed (domains or URLs, one per line or comma separated), as sites, once each. */
export function parseSites(text: string): SitesResult {
  const sites: string[] = [];
  for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
    const site = toSite(entry);
    if (!site) return { error: `"${entry}" is not a web site's address: write it like example.com.` };
    if (!sites.includes(site)) sites.push(site);
  }
  return { sites };
}

/** An account fills silently only where every URL given (the page, and the frame holding the field) is one of its sites. */
export function isAllowedOn(sites: readonly string[], ...urls: string[]): boolean {
  return urls.length > 0 && urls.every((url) => isBoundTo({ sites }, siteOf(url)));
}

/** The browser's match patterns for a site's pages: the site and its subdomains (any port). */
export function originsForSite(site: string): string[] {
  const isIp = parse(site).isIp === true;
  const hosts = isIp || site === 'localhost' ? [site.includes(':') ? `[${site}]` : site] : [site, `*.${site}`];
  return hosts.flatMap((host) => [`https://${host}/*`, `http://${host}/*`]);
}
