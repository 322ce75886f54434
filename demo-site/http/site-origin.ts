// The site's public origin: PUBLIC_ORIGIN when set, otherwise what the request says (proxy headers only when trusted).
import type { IncomingMessage, Server } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Request } from 'express';
import type { SiteConfig } from '../config';

export function computeSiteOrigin(config: SiteConfig, req: Request): string {
  return config.publicOrigin ?? `${req.protocol}://${req.get('host')}`;
}

/** The same for a WebSocket upgrade, which Express does not see. */
export function computeUpgradeOrigin(config: SiteConfig, req: IncomingMessage): string {
  if (config.publicOrigin) return config.publicOrigin;
  const forwarded = config.trustProxy ? String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim() : '';
  const scheme = (req.socket as TLSSocket).encrypted ? 'https' : forwarded === 'https' ? 'https' : 'http';
  return `${scheme}://${req.headers.host ?? ''}`;
}

/** The address a server listens on, as an origin for links (an unspecified address becomes localhost). */
export function computeListeningOrigin(server: Server, host: string): string {
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : 0;
  const name = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}
