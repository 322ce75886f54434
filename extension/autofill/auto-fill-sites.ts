// "Fill automatically on this site": the host permission for that one site, asked for when the user turns it on, and a
// content script registered for it alone. No site is reachable without the user's yes.
import { browser } from 'wxt/browser';
import { browserArea } from '../storage/browser-area';
import { originsForSite } from '../sites/sites';
import { autoFillSitesItem } from '../storage/items';

const WATCH_SCRIPT = 'autofill-watch.js';

const scriptId = (site: string) => `autofill-watch:${site}`;

export async function autoFillSites(): Promise<string[]> {
  return (await autoFillSitesItem.get(browserArea('local'))) ?? [];
}

/** Call from a click handler in an extension page: the browser asks the user for the site's permission. */
export async function enableAutoFill(site: string): Promise<boolean> {
  const origins = originsForSite(site);
  const granted = await browser.permissions.request({ origins });
  if (!granted) return false;
  await browser.scripting.unregisterContentScripts({ ids: [scriptId(site)] }).catch(() => undefined);
  await browser.scripting.registerContentScripts([{ id: scriptId(site), matches: origins, js: [WATCH_SCRIPT], runAt: 'document_idle' }]);
  const sites = await autoFillSites();
  if (!sites.includes(site)) await autoFillSitesItem.set(browserArea('local'), [...sites, site]);
  return true;
}

export async function disableAutoFill(site: string): Promise<void> {
  await browser.scripting.unregisterContentScripts({ ids: [scriptId(site)] }).catch(() => undefined);
  await browser.permissions.remove({ origins: originsForSite(site) }).catch(() => false);
  const sites = await autoFillSites();
  await autoFillSitesItem.set(browserArea('local'), sites.filter((s) => s !== site));
}
