// The keys that sign access tokens: Ed25519 (EdDSA), made with jose, kept in the storage with the private half sealed
// under the server key. One key signs at a time; a rotation retires it, and a retired key stays published (JWKS) and
// trusted until every token it can have signed has expired. Every process keeps the keys in memory and reads them
// again when told (a rotation in any process, over the storage's event bus) and at least once a minute.
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { openSecret, sealSecret } from '../crypto/secret-box';
import type { Storage } from '../storage/storage';
import type { SigningKey } from '../storage/rows';

export const SIGNING_ALGORITHM = 'EdDSA';
/** How stale a process's copy of the keys may get when it missed the bus's word of a rotation. */
const RELOAD_MS = 60_000;
/** An unknown key id reads the keys again, at most this often (a forged id must not make every request a query). */
const UNKNOWN_KID_RELOAD_MS = 5_000;
export const KEYS_CHANGED = 'tessera:signing-keys-changed';

const keyPurpose = (id: string) => `signing-key:${id}`;

interface LoadedKeys {
  current: { id: string; privateKey: CryptoKey };
  /** Every key still trusted, by id. */
  trusted: Map<string, { key: SigningKey; publicKey: CryptoKey }>;
  at: number;
}

export interface KeyringSource { storage: Storage; key: Buffer; now: () => number; accessTtlMs: number }

export class Keyring {
  private loading: Promise<LoadedKeys> | null = null;
  private readonly unsubscribe: () => void;

  constructor(private readonly source: KeyringSource) {
    this.unsubscribe = source.storage.bus.subscribe((message) => {
      if (message === KEYS_CHANGED) this.loading = null;
    });
  }

  /** A retired key is trusted for this long: tokens it signed (even by a process that had not heard yet) have expired by then. */
  get retiredKeyLifetimeMs(): number {
    return this.source.accessTtlMs + RELOAD_MS;
  }

  async signingKey(): Promise<{ id: string; privateKey: CryptoKey }> {
    return (await this.keys()).current;
  }

  /** The public key for a token's `kid`, or null when no trusted key has that id. */
  async verificationKey(id: string): Promise<CryptoKey | null> {
    let keys = await this.keys();
    if (!keys.trusted.has(id) && this.source.now() - keys.at >= UNKNOWN_KID_RELOAD_MS) keys = await this.keys(true);
    return keys.trusted.get(id)?.publicKey ?? null;
  }

  /** The JWKS: every trusted key's public half. */
  async publicJwks(): Promise<JWK[]> {
    return [...(await this.keys()).trusted.values()].map(({ key }) => ({ ...key.publicJwk, kid: key.id, alg: SIGNING_ALGORITHM, use: 'sig' }));
  }

  /** A new key signs from now on; the old one is retired. Returns the new key's id. */
  async rotate(): Promise<{ id: string; retiredId: string }> {
    const { current } = await this.keys(true);
    const next = await makeSigningKey(this.source.key, this.source.now());
    const done = await this.source.storage.transaction(async (tx) => (await tx.signingKeys.retire(current.id, this.source.now())) && tx.signingKeys.insertCurrent(next));
    this.loading = null;
    await this.source.storage.bus.publish(KEYS_CHANGED);
    // Another rotation got there first: that one stands.
    if (!done) return { id: (await this.signingKey()).id, retiredId: current.id };
    return { id: next.id, retiredId: current.id };
  }

  close(): void {
    this.unsubscribe();
  }

  private async keys(force = false): Promise<LoadedKeys> {
    const loading = this.loading;
    if (!force && loading) {
      const keys = await loading;
      if (this.source.now() - keys.at < RELOAD_MS) return keys;
      // Another request started reading them again meanwhile: share its reading.
      if (this.loading !== loading) return this.keys();
    }
    const reading = this.load();
    this.loading = reading;
    reading.catch(() => {
      if (this.loading === reading) this.loading = null;
    });
    return reading;
  }

  private async load(): Promise<LoadedKeys> {
    const { storage, key, now } = this.source;
    let stored = await storage.signingKeys.list();
    if (stored[0]?.retiredAt !== null) {
      await storage.signingKeys.insertCurrent(await makeSigningKey(key, now()));
      stored = await storage.signingKeys.list();
    }
    const [current] = stored;
    if (!current || current.retiredAt !== null) throw new Error('No signing key could be made.');
    const privateJwk = JSON.parse(openSecret(key, current.privateBox, keyPurpose(current.id))) as JWK;
    const trusted = new Map<string, { key: SigningKey; publicKey: CryptoKey }>();
    for (const candidate of stored) {
      if (candidate.retiredAt !== null && candidate.retiredAt + this.retiredKeyLifetimeMs <= now()) continue;
      trusted.set(candidate.id, { key: candidate, publicKey: (await importJWK(candidate.publicJwk, SIGNING_ALGORITHM)) as CryptoKey });
    }
    return { current: { id: current.id, privateKey: (await importJWK(privateJwk, SIGNING_ALGORITHM)) as CryptoKey }, trusted, at: now() };
  }
}

/** A fresh key pair: its id is the public key's thumbprint (RFC 7638), its private half sealed under the server key. */
export async function makeSigningKey(serverKey: Buffer, now: number): Promise<SigningKey> {
  const pair = await generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519', extractable: true });
  const { kty, crv, x } = await exportJWK(pair.publicKey);
  const publicJwk = { kty: kty!, crv: crv!, x: x! };
  const id = await calculateJwkThumbprint(publicJwk);
  const privateBox = sealSecret(serverKey, JSON.stringify(await exportJWK(pair.privateKey)), keyPurpose(id));
  return { id, algorithm: SIGNING_ALGORITHM, publicJwk, privateBox, createdAt: now, retiredAt: null };
}

/** Whether the server key opens the stored signing key (checked at start, with the TOTP secrets). */
export function canOpenSigningKey(serverKey: Buffer, key: SigningKey): boolean {
  try {
    openSecret(serverKey, key.privateBox, keyPurpose(key.id));
    return true;
  } catch {
    return false;
  }
}
