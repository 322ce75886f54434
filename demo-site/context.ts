// What the domain functions need: settings, the storage, the server key, the clock (injected so tests choose the time)
// and the keys that sign access tokens.
import type { SiteConfig } from './config';
import type { Storage } from './storage/storage';
import { Keyring } from './tokens/keyring';

export interface SiteContext {
  config: SiteConfig;
  storage: Storage;
  key: Buffer;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** The origin every link in a mail starts with: PUBLIC_ORIGIN, or else the address the site listens on (never a request's Host). */
  origin: () => string;
  /** Tells the mail sender that a message is waiting (it also polls). */
  mail: { wake(): void };
  keyring: Keyring;
}

export function createSiteContext(parts: Omit<SiteContext, 'keyring'>): SiteContext {
  const { config, storage, key, now } = parts;
  return { ...parts, keyring: new Keyring({ storage, key, now, accessTtlMs: config.tokens.accessTtlMs }) };
}

/** Who made a request, for the audit log. */
export interface RequestInfo {
  ip: string;
  userAgent: string;
  /** The device cookie's tokens: browsers accounts signed in from before (auth/devices.ts). */
  deviceTokens?: string[];
}
