// Big providers set up two-factor sign-in on one registrable domain and ask for the code on another (a microsoft.com
// settings page, a microsoftonline.com sign-in page). These are the families Tessera knows; within one, a fill the user
// confirmed on another member leads to the offer to add that site to the account. Only listed domains count: a
// look-alike (github.co, microsoft-online.com) is in no family.
const FAMILIES: readonly (readonly string[])[] = [
  ['microsoft.com', 'microsoftonline.com', 'live.com', 'office.com', 'office365.com', 'outlook.com', 'azure.com', 'xbox.com', 'skype.com', 'bing.com', 'sharepoint.com'],
  ['google.com', 'youtube.com', 'gmail.com', 'google.co.uk', 'google.de', 'google.fr', 'google.es', 'google.it', 'google.ca', 'google.com.au', 'google.co.jp', 'google.co.in'],
  ['amazon.com', 'amazon.co.uk', 'amazon.de', 'amazon.fr', 'amazon.es', 'amazon.it', 'amazon.ca', 'amazon.com.au', 'amazon.co.jp', 'amazon.in', 'amazon.nl', 'amazon.se', 'amazon.pl'],
  ['apple.com', 'icloud.com'],
  ['facebook.com', 'instagram.com', 'meta.com', 'messenger.com', 'threads.net'],
  ['atlassian.com', 'atlassian.net', 'bitbucket.org', 'trello.com'],
  ['x.com', 'twitter.com'],
  ['discord.com', 'discordapp.com'],
  ['proton.me', 'protonmail.com'],
  ['steampowered.com', 'steamcommunity.com'],
  ['battle.net', 'blizzard.com'],
  ['ea.com', 'origin.com'],
  ['epicgames.com', 'unrealengine.com'],
  ['playstation.com', 'sonyentertainmentnetwork.com'],
  ['ubisoft.com', 'ubi.com'],
  ['zoom.us', 'zoom.com'],
  ['salesforce.com', 'force.com'],
];

const FAMILY_OF = new Map<string, readonly string[]>(FAMILIES.flatMap((family) => family.map((site) => [site, family] as const)));

/** The page's site when it is of the same provider as one of the account's sites and not one of them yet, or null. */
export function siblingSiteToAdd(accountSites: readonly string[], pageSite: string | null): string | null {
  if (!pageSite || accountSites.includes(pageSite)) return null;
  const family = FAMILY_OF.get(pageSite);
  return family && accountSites.some((site) => family.includes(site)) ? pageSite : null;
}
