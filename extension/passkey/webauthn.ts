// The browser's side of passkey unlock: WebAuthn in an extension page, with the PRF extension giving 32 bytes that only
// this credential, with user verification, gives for this input. The relying party is the extension's own origin
// (chrome-extension://<id>, fixed by the manifest `key`), so the credential belongs to Tessera and to no web site.
import { decodeBase64, encodeBase64 } from '#shared/bytes.ts';
import { CodedError } from '#shared/coded-error.ts';
import type { PasskeyEnrolment, PasskeyInfo } from '../vault/index';

export type PasskeyErrorCode = 'unavailable' | 'no_prf' | 'not_allowed' | 'failed';

export class PasskeyError extends CodedError<PasskeyErrorCode> {
  override readonly name = 'PasskeyError';
}

export const NOT_IN_FIREFOX = 'Unlocking with a passkey is not available in Firefox: Firefox gives an extension\'s pages no ' +
  'WebAuthn identity of their own, so a passkey cannot belong to Tessera there (only to a web site). Unlock with the master password.';

const NO_BROWSER_PRF = 'This browser cannot unlock Tessera with a passkey: it does not offer WebAuthn\'s PRF extension to ' +
  'extensions. Update it, or keep unlocking with the master password.';

const NO_AUTHENTICATOR_PRF = 'This passkey cannot unlock Tessera: its authenticator does not support the PRF extension ' +
  '(hmac-secret). Try another one (a recent security key, or your device\'s built-in passkeys).';

const TIMEOUT_MS = 120_000;

/** Why passkey unlock cannot be offered here, or null when it can. */
export async function passkeyUnavailableReason(): Promise<string | null> {
  if (location.protocol === 'moz-extension:') return NOT_IN_FIREFOX;
  const capabilities = await (PublicKeyCredential as unknown as { getClientCapabilities?(): Promise<Record<string, boolean>> })
    .getClientCapabilities?.().catch(() => ({}) as Record<string, boolean>);
  return capabilities?.['extension:prf'] ? null : NO_BROWSER_PRF;
}

/** Creates a credential for Tessera and reads its PRF output for a new random input. */
export async function createPasskey(): Promise<PasskeyEnrolment> {
  const prfSalt = crypto.getRandomValues(new Uint8Array(32));
  const credential = await ceremony('create', () => navigator.credentials.create({
    publicKey: {
      rp: { name: 'Tessera' },
      user: { id: crypto.getRandomValues(new Uint8Array(16)), name: 'Tessera vault', displayName: 'Tessera vault' },
      challenge: crypto.getRandomValues(new Uint8Array(32)),
      pubKeyCredParams: [{ type: 'public-key', alg: -7 }, { type: 'public-key', alg: -257 }],
      authenticatorSelection: { userVerification: 'required', residentKey: 'discouraged' },
      extensions: { prf: { eval: { first: prfSalt } } } as AuthenticationExtensionsClientInputs,
      timeout: TIMEOUT_MS,
    },
  }));
  const results = prfResults(credential);
  if (!results.enabled) throw new PasskeyError('no_prf', NO_AUTHENTICATOR_PRF);
  const info = { credentialId: encodeBase64(new Uint8Array(credential.rawId)), prfSalt: encodeBase64(prfSalt) };
  // Some authenticators answer the PRF only when the credential is used, not when it is made: then ask once more.
  const prfOutput = results.first ?? (await readPrfOutput(info));
  return { ...info, prfOutput };
}

/** The PRF output of the passkey set up for Tessera, after the user verified on the authenticator. */
export async function readPrfOutput(passkey: Pick<PasskeyInfo, 'credentialId' | 'prfSalt'>): Promise<Uint8Array> {
  const credential = await ceremony('get', () => navigator.credentials.get({
    publicKey: {
      challenge: crypto.getRandomValues(new Uint8Array(32)),
      allowCredentials: [{ type: 'public-key', id: decodeBase64(passkey.credentialId) }],
      userVerification: 'required',
      extensions: { prf: { eval: { first: decodeBase64(passkey.prfSalt) } } } as AuthenticationExtensionsClientInputs,
      timeout: TIMEOUT_MS,
    },
  }));
  const { first } = prfResults(credential);
  if (!first) throw new PasskeyError('no_prf', NO_AUTHENTICATOR_PRF);
  return first;
}

function prfResults(credential: PublicKeyCredential): { enabled: boolean; first?: Uint8Array } {
  const prf = (credential.getClientExtensionResults() as { prf?: { enabled?: boolean; results?: { first?: BufferSource } } }).prf;
  const first = prf?.results?.first;
  const bytes = first && new Uint8Array(ArrayBuffer.isView(first) ? first.buffer.slice(first.byteOffset, first.byteOffset + first.byteLength) : first);
  return { enabled: Boolean(prf?.enabled || bytes), first: bytes || undefined };
}

/** Runs one WebAuthn call and says in words why it failed. */
async function ceremony(kind: 'create' | 'get', call: () => Promise<Credential | null>): Promise<PublicKeyCredential> {
  try {
    const credential = await call();
    if (credential) return credential as PublicKeyCredential;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotAllowedError') {
      throw new PasskeyError('not_allowed', kind === 'create'
        ? 'No passkey was set up: the request was cancelled, timed out, or no authenticator answered.'
        : 'The passkey was not used: the request was cancelled, timed out, or no authenticator holding Tessera\'s passkey answered. Try again, or unlock with the master password.');
    }
    const name = error instanceof DOMException ? error.name : 'an unexpected error';
    throw new PasskeyError('failed', `The browser refused the passkey request (${name}). Nothing was changed; try again, or use the master password.`);
  }
  throw new PasskeyError('failed', 'The browser gave no passkey. Nothing was changed; try again, or use the master password.');
}
