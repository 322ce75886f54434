// The extension's fixed identities, used by wxt.config.ts and checked by the tests.
// Chromium: the manifest `key` (a public key; nothing signs with it, so no private half is kept) fixes the id of every
// build loaded unpacked, so a passkey, whose relying party is the extension's origin chrome-extension://<id>, still
// unlocks after a rebuild or reinstall. The Chrome Web Store refuses a `key` in an upload and gives the item its own
// id: `npm run zip` leaves it out of the store package.
export const CHROME_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAmRPvzpw/YDDnAwd+P3kDd6m7+IPxRkEQAKXmMkZ6DJ7TuS6ytSekXn2PRHLa70q0' +
  '99D4YKlZS4c/iDzBkgcTg4ZJW+GUCkiq/WVR113tur1K64dzhWj9Aoea6hGZTO9rhMkiS3MMg4lQZzw+bhTX4VvSZUfy28qoKrYa5c9zVNzyd0hhoRF+' +
  'Ip/Q4IWqRj3DPLcPnismxtMvyIgeHOASH55RouT54d8bxww3ed9XaLlihaLr87zl4hm+1bCds0s1nkkDfXbKkDhe1GJwYKB5oBjeqkh+DithoN7QfyKO+e' +
  'zW1URo8EhwjjMFmv37anfQEaIQmB+lPN1oMAP5roZxIQIDAQAB';

/** The id Chromium derives from CHROME_KEY: the first 16 bytes of its SHA-256, each nibble as a letter a-p. */
export const CHROME_EXTENSION_ID = 'mhicmcfkpnfnimjpnolbilichgfjjgli';

/** Firefox's add-on id: fixed, so updates, storage and the add-on store listing all stay with one add-on. */
export const GECKO_ID = 'authenticator@tessera.dev';
/** The oldest Firefox with every API the extension uses (an ESR line). */
export const FIREFOX_MIN_VERSION = '128.0';
