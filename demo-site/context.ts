// What the domain functions need: settings, the store, the server key and the clock (injected so tests choose the time).
import type { SiteConfig } from './config';
import type { Store } from './store/db';

export interface SiteContext {
  config: SiteConfig;
  store: Store;
  key: Buffer;
  /** Milliseconds since the epoch. */
  now: () => number;
}

/** Who made a request, for the audit log. */
export interface RequestInfo {
  ip: string;
  userAgent: string;
}
