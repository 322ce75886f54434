// The brand marks bundled, named one by one so the build takes these and no other of Simple Icons' thousands.
export {
  si1password, siAirbnb, siApple, siAtlassian, siBattledotnet, siBinance, siBitbucket, siBitwarden, siBluesky, siCloudflare,
  siCodeberg, siCoinbase, siDigitalocean, siDiscord, siDocker, siDropbox, siEa, siEbay, siEpicgames, siEtsy, siFacebook,
  siFigma, siGithub, siGitlab, siGodaddy, siGoogle, siHetzner, siHubspot, siHumblebundle, siInstagram, siJetbrains,
  siKickstarter, siKucoin, siLastpass, siMastodon, siMozilla, siNamecheap, siNetlify, siNextcloud, siNordvpn, siNotion,
  siNpm, siOkta, siOvh, siPatreon, siPaypal, siPlaystation, siProton, siPypi, siReddit, siRevolut, siRiotgames, siRoblox,
  siRobinhood, siRubygems, siShopify, siSignal, siSnapchat, siSpotify, siSteam, siStripe, siTailscale, siTelegram, siTesla,
  siTrello, siTumblr, siTwitch, siUber, siUbisoft, siVercel, siWhatsapp, siWise, siWordpress, siX, siZoom,
} from 'simple-icons';
