// The app factory: createApp({ config, storage, key, now }) gives the Express app and the http.Server it runs in
// (so other servers, e.g. WebSocket, can attach to the same port).
import { createServer, type Server } from 'node:http';
import express, { type Express } from 'express';
import type { SiteConfig } from './config';
import { createSiteContext, type SiteContext } from './context';
import type { Storage } from './storage/storage';
import { NotFoundError } from './errors';
import { createErrorHandler } from './http/error-handler';
import { parseForm, parseJson, requireJson } from './http/json-body';
import { refuseCrossOrigin, requireTokensAcrossSites } from './http/origin-check';
import { servePageScripts } from './http/page-scripts';
import { securityHeaders } from './http/security-headers';
import { loadSession } from './http/session-middleware';
import { createLimits } from './routes/limits';
import { authApi } from './routes/api-auth';
import { mfaApi } from './routes/api-mfa';
import { backupApi } from './routes/api-backup';
import { adminApi } from './routes/api-admin';
import { wellKnown } from './routes/well-known';
import { signinPages } from './routes/pages-signin';
import { accountPages } from './routes/pages-account';
import { adminPages } from './routes/pages-admin';
import { movePages } from './routes/pages-move';
import { emailPages } from './routes/pages-email';
import { passwordPages } from './routes/pages-password';
import { noticePages } from './routes/pages-notices';
import { recoveryPages } from './routes/pages-recovery';
import { backupCodePages } from './routes/pages-backup-codes';
import { renderErrorPage } from './pages/error-page';
import { dummyHash } from './accounts/password';
import { qrApi } from './routes/api-qr';
import { pairingApi } from './routes/api-pairing';
import { createQrContext, type QrContext } from './qr-signin/context';
import { RealtimeHub } from './realtime/hub';
import { attachRealtime, type Realtime } from './realtime/ws-server';
import { createRelay } from './realtime/relay';
import { markPinDelivered } from './qr-signin/lifecycle';
import { computeListeningOrigin } from './http/site-origin';
import { startMailSender, type MailSender } from './mail/sender';
import { createMailTransport, type MailTransport } from './mail/transport';

export interface AppOptions {
  config: SiteConfig;
  storage: Storage;
  key: Buffer;
  now?: () => number;
  /** Where mail goes; by default SMTP_URL's server, or the outbox in DATA_DIR. */
  mailTransport?: MailTransport;
}

export interface SiteApp {
  app: Express;
  server: Server;
  ctx: SiteContext;
  /** QR sign-in and pairing (their state is in the storage), and the WebSocket server at /ws that reports on it. */
  qr: QrContext;
  realtime: Realtime;
  /** The background mail sender (stop it on close). */
  mail: MailSender;
}

const PUBLIC_DIR = new URL('./public/', import.meta.url).pathname;

export function createApp({ config, storage, key, now = Date.now, mailTransport }: AppOptions): SiteApp {
  let mail: MailSender | undefined;
  let server: ReturnType<typeof createServer> | undefined;
  const ctx = createSiteContext({
    config, storage, key, now,
    origin: () => config.publicOrigin ?? computeListeningOrigin(server!, config.host),
    mail: { wake: () => mail?.wake() },
  });
  mail = startMailSender(ctx, mailTransport ?? createMailTransport(config));
  // Made now, not at the first unknown email, so that one is not slower than the rest.
  void dummyHash(config.argon2);
  const limits = createLimits(ctx);
  const hub = new RealtimeHub();
  // The relay and the QR context need each other: the relay reports the PINs it delivered.
  const relay = createRelay(storage.bus, key, hub, (channelHash, pinHash) => markPinDelivered(qr, channelHash, pinHash));
  const qr: QrContext = createQrContext(ctx, relay);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders(config.publicOrigin));
  app.use(refuseCrossOrigin(config.publicOrigin));
  app.use('/static', servePageScripts(), express.static(PUBLIC_DIR, { index: false, maxAge: '1h' }));
  app.use(wellKnown(ctx));
  app.use(loadSession(ctx));

  const api = express.Router();
  api.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  api.use(requireJson, parseJson, requireTokensAcrossSites);
  api.use(authApi(ctx, limits));
  api.use(backupApi(ctx, limits));
  api.use(qrApi(qr, limits));
  api.use('/mfa', pairingApi(qr, limits));
  api.use('/mfa', mfaApi(ctx));
  api.use('/admin', adminApi(ctx));
  api.use((_req, _res, next) => next(new NotFoundError('not_found', 'There is no such API endpoint.')));
  app.use('/api', api);

  app.use(parseForm);
  app.use(signinPages(ctx, limits));
  app.use(emailPages(ctx, limits));
  app.use(passwordPages(ctx, limits));
  app.use(noticePages(ctx));
  app.use(recoveryPages(ctx));
  app.use(backupCodePages(ctx));
  app.use(accountPages(ctx, limits));
  app.use(movePages(ctx));
  app.use(adminPages(ctx));
  app.use((_req, _res, next) => next(new NotFoundError('not_found', 'There is no page at this address.')));
  app.use(createErrorHandler(renderErrorPage));
  server = createServer(app);
  const realtime = attachRealtime(server, qr, hub, relay);
  return { app, server, ctx, qr, realtime: { close: () => (realtime.close(), relay.close()) }, mail };
}
