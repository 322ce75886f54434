import { parse } from 'tldts';

export type SitesResult = { sites: string[]; error?: undefined } | { sites?: undefined; error: string };

/**
 * Turns what a person typed (domains or URLs, one per line or comma separated) into registrable domains:
 * "https://login.example.co.uk/x" fills on "example.co.uk". Local hosts and IP addresses are kept as they are.
 */
export function parseSites(text: string): SitesResult {
  const entries = text.split(/[\s,]+/).map((entry) => entry.trim()).filter(Boolean);
  const sites: string[] = [];
  for (const entry of entries) {
    const site = toRegistrableDomain(entry);
    if (!site) return { error: `"${entry}" is not a web site's address: write it like example.com.` };
    if (!sites.includes(site)) sites.push(site);
  }
  return { sites };
}

function toRegistrableDomain(entry: string): string | null {
  // Through the URL parser first, as a page's address is: international names become their xn-- form (bücher.de is
  // xn--bcher-kva.de), which is what siteOf() sees on the page.
  let hostname: string;
  try {
    hostname = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(entry) ? entry : `https://${entry}`).hostname;
  } catch {
    return null;
  }
  // Private suffixes too, exactly as pages are matched (siteOf): alice.github.io is a site of its own, not github.io.
  const info = parse(hostname, { allowPrivateDomains: true });
  if (info.isIp && info.hostname) return info.hostname;
  if (info.hostname === 'localhost') return 'localhost';
  return info.domain ?? null;
}
