// The brand marks bundled for common issuers, from Simple Icons (CC0-1.0; the marks stay their owners' trademarks).
// Only these are in the extension: each costs about 700 bytes, and nothing is ever fetched. Brands Simple Icons no
// longer carries at their owners' request (Microsoft, Amazon, LinkedIn, Slack, ...) get the coloured initial.
import {
  si1password, siAirbnb, siApple, siAtlassian, siBattledotnet, siBinance, siBitbucket, siBitwarden, siBluesky, siCloudflare,
  siCodeberg, siCoinbase, siDigitalocean, siDiscord, siDocker, siDropbox, siEa, siEbay, siEpicgames, siEtsy, siFacebook,
  siFigma, siGithub, siGitlab, siGodaddy, siGoogle, siHetzner, siHubspot, siHumblebundle, siInstagram, siJetbrains,
  siKickstarter, siKucoin, siLastpass, siMastodon, siMozilla, siNamecheap, siNetlify, siNextcloud, siNordvpn, siNotion,
  siNpm, siOkta, siOvh, siPatreon, siPaypal, siPlaystation, siProton, siPypi, siReddit, siRevolut, siRiotgames, siRoblox,
  siRobinhood, siRubygems, siShopify, siSignal, siSnapchat, siSpotify, siSteam, siStripe, siTailscale, siTelegram, siTesla,
  siTrello, siTumblr, siTwitch, siUber, siUbisoft, siVercel, siWhatsapp, siWise, siWordpress, siX, siZoom,
} from 'simple-icons';

export interface BrandIcon { slug: string; title: string; hex: string; path: string }

export const BRAND_ICONS: readonly BrandIcon[] = [
  si1password, siAirbnb, siApple, siAtlassian, siBattledotnet, siBinance, siBitbucket, siBitwarden, siBluesky, siCloudflare,
  siCodeberg, siCoinbase, siDigitalocean, siDiscord, siDocker, siDropbox, siEa, siEbay, siEpicgames, siEtsy, siFacebook,
  siFigma, siGithub, siGitlab, siGodaddy, siGoogle, siHetzner, siHubspot, siHumblebundle, siInstagram, siJetbrains,
  siKickstarter, siKucoin, siLastpass, siMastodon, siMozilla, siNamecheap, siNetlify, siNextcloud, siNordvpn, siNotion,
  siNpm, siOkta, siOvh, siPatreon, siPaypal, siPlaystation, siProton, siPypi, siReddit, siRevolut, siRiotgames, siRoblox,
  siRobinhood, siRubygems, siShopify, siSignal, siSnapchat, siSpotify, siSteam, siStripe, siTailscale, siTelegram, siTesla,
  siTrello, siTumblr, siTwitch, siUber, siUbisoft, siVercel, siWhatsapp, siWise, siWordpress, siX, siZoom,
].map(({ slug, title, hex, path }) => ({ slug, title, hex, path }));

/** Other names issuers go by, as matching keys (lower case, letters and digits only) -> the slug of their mark. */
export const BRAND_ALIASES: Readonly<Record<string, string>> = {
  twitter: 'x', gmail: 'google', youtube: 'google', googleworkspace: 'google', icloud: 'apple', appleid: 'apple',
  protonmail: 'proton', protonvpn: 'proton', battlenet: 'battledotnet', blizzard: 'battledotnet', electronicarts: 'ea',
  origin: 'ea', psn: 'playstation', playstationnetwork: 'playstation', sony: 'playstation', npmjs: 'npm', riot: 'riotgames',
  epic: 'epicgames', jira: 'atlassian', confluence: 'atlassian', meta: 'facebook', wordpresscom: 'wordpress',
  '1passwordcom': '1password', ovhcloud: 'ovh', humble: 'humblebundle', transferwise: 'wise',
};
