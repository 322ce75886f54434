// helmet with a strict CSP: scripts, styles and forms from this site only; images also as data: URLs (the QR code).
import type { IncomingMessage } from 'node:http';
import helmet from 'helmet';

/** Some browsers do not count ws: as 'self': name the site's own WebSocket origins explicitly. */
function listOwnWebSockets(publicOrigin?: string) {
  return (req: IncomingMessage): string => {
    const host = publicOrigin ? new URL(publicOrigin).host : String(req.headers.host ?? '');
    if (!/^[A-Za-z0-9.:[\]-]+$/.test(host)) return '';
    return `ws://${host} wss://${host}`;
  };
}

export function securityHeaders(publicOrigin?: string) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", listOwnWebSockets(publicOrigin)],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    // same-origin, not no-referrer: with no-referrer Chromium sends `Origin: null` on form posts, which the CSRF check refuses.
    referrerPolicy: { policy: 'same-origin' },
  });
}
