// The brand marks bundled for common issuers, from Simple Icons (CC0-1.0; the marks stay their owners' trademarks).
// Only these are in the extension: each costs about 700 bytes, and nothing is ever fetched. Brands Simple Icons no
// longer carries at their owners' request (Microsoft, Amazon, LinkedIn, Slack, ...) get the coloured initial.
import * as marks from './brand-marks';

export interface BrandIcon { slug: string; title: string; hex: string; path: string }

export const BRAND_ICONS: readonly BrandIcon[] = Object.values(marks).map(({ slug, title, hex, path }) => ({ slug, title, hex, path }));

/** Other names issuers go by, as matching keys (lower case, letters and digits only) -> the slug of their mark. */
export const BRAND_ALIASES: Readonly<Record<string, string>> = {
  twitter: 'x', gmail: 'google', youtube: 'google', googleworkspace: 'google', icloud: 'apple', appleid: 'apple',
  protonmail: 'proton', protonvpn: 'proton', battlenet: 'battledotnet', blizzard: 'battledotnet', electronicarts: 'ea',
  origin: 'ea', psn: 'playstation', playstationnetwork: 'playstation', sony: 'playstation', npmjs: 'npm', riot: 'riotgames',
  epic: 'epicgames', jira: 'atlassian', confluence: 'atlassian', meta: 'facebook', wordpresscom: 'wordpress',
  '1passwordcom': '1password', ovhcloud: 'ovh', humble: 'humblebundle', transferwise: 'wise',
};
