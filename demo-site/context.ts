// What the domain functions need: settings, the storage, the server key and the clock (injected so tests choose the time).
import type { SiteConfig } from './config';
import type { Storage } from './storage/storage';

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
}

/** Who made a request, for the audit log. */
export interface RequestInfo {
  ip: string;
  userAgent: string;
}
