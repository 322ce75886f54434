// What the domain functions need: settings, the storage, the server key and the clock (injected so tests choose the time).
import type { SiteConfig } from './config';
import type { Storage } from './storage/storage';

export interface SiteContext {
  config: SiteConfig;
  storage: Storage;
  key: Buffer;
  /** Milliseconds since the epoch. */
  now: () => number;
}

/** Who made a request, for the audit log. */
export interface RequestInfo {
  ip: string;
  userAgent: string;
}
