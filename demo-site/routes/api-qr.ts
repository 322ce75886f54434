// JSON API of QR sign-in: the sign-in page asks for a QR and sends the PIN; the extension scans (from its own origin,
// without cookies: the token and the TOTP code are its credentials). Thin: parse, call the domain, answer.
import { Router, type Request, type Response } from 'express';
import { QR_SESSION_MAX_MS } from '#shared/protocol/qr-signin.ts';
import { QR_COOKIE, readCookie, setCookie } from '../http/cookies';
import { isExtensionOrigin } from '../http/origin-check';
import { requestInfo } from '../http/request-info';
import { currentAuth } from '../http/session-middleware';
import { answerSignedIn } from '../http/signin-answer';
import { deliveryFor } from '../auth/credentials';
import { computeSiteOrigin } from '../http/site-origin';
import { parseInput } from '../http/validate';
import { pinVerifySchema, qrScanSchema, qrTokenSchema } from '../http/schemas';
import { createToken } from '../crypto/tokens';
import { bindingOf, toQrCookieBinding } from '../qr-signin/binding';
import type { QrContext } from '../qr-signin/context';
import { issueQr } from '../qr-signin/issue';
import { scanQr } from '../qr-signin/scan';
import { describeQr } from '../qr-signin/status';
import { verifyPin } from '../qr-signin/verify-pin';
import type { Limits } from './limits';

/** The browser's QR cookie, made on its first QR; it outlives any QR sign-in it can own. */
function bindBrowser(req: Request, res: Response): string {
  const cookie = readCookie(req, QR_COOKIE) ?? createToken();
  setCookie(req, res, QR_COOKIE, cookie, QR_SESSION_MAX_MS);
  return toQrCookieBinding(cookie);
}

function listBindings(req: Request, res: Response): string[] {
  const cookie = readCookie(req, QR_COOKIE);
  const auth = currentAuth(res);
  return [...(cookie ? [toQrCookieBinding(cookie)] : []), ...(auth ? [bindingOf(auth)] : [])];
}

/** The extension's fetch is cross-origin: it may read the answer (no cookies are involved either way). */
function allowExtension(req: Request, res: Response, next: () => void): void {
  const origin = req.get('origin');
  if (origin && isExtensionOrigin(origin)) res.set({ 'Access-Control-Allow-Origin': origin, Vary: 'Origin' });
  next();
}

export function qrApi(qr: QrContext, limits: Limits): Router {
  const router = Router();

  router.post('/qr/generate', limits.qrGenerate, async (req, res) => {
    const binding = bindBrowser(req, res);
    res.status(201).json(await issueQr(qr, { kind: 'signin', binding, origin: computeSiteOrigin(qr.site.config, req) }, requestInfo(req)));
  });

  router.options('/qr/scan', allowExtension, (_req, res) => {
    res.set({ 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'content-type', 'Access-Control-Max-Age': '600' });
    res.status(204).end();
  });
  router.post('/qr/scan', allowExtension, limits.qrScan, async (req, res) => {
    res.json(await scanQr(qr, parseInput(qrScanSchema, req.body), requestInfo(req)));
  });

  router.post('/qr/status', async (req, res) => {
    const { qrToken } = parseInput(qrTokenSchema, req.body);
    res.json(await describeQr(qr, qrToken, listBindings(req, res)));
  });

  router.post('/pin/verify', limits.pinVerify, async (req, res) => {
    const input = parseInput(pinVerifySchema, req.body);
    const cookie = readCookie(req, QR_COOKIE);
    const signedIn = await verifyPin(qr, input, cookie ? toQrCookieBinding(cookie) : null, requestInfo(req), deliveryFor(input.tokens));
    // Like any sign-in: whatever session this browser had ends (only now, so a mistyped PIN signs no one out).
    await answerSignedIn(qr.site, req, res, signedIn, { redirect: '/account' });
  });
  return router;
}
