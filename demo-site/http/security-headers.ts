// helmet with a strict CSP: scripts, styles and forms from this site only; images also as data: URLs (the QR code).
import helmet from 'helmet';

export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
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
