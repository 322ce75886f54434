// What the QR flow's functions need: the site (its storage holds the QR sessions), the way out to sockets, the PIN key.
import type { SiteContext } from '../context';
import type { QrSessionRepository } from '../storage/repositories';
import type { QrNotifier } from './notifier';
import { deriveQrKey } from './pin';

export interface QrContext {
  site: SiteContext;
  notify: QrNotifier;
  pinKey: Buffer;
}

export function createQrContext(site: SiteContext, notify: QrNotifier): QrContext {
  return { site, notify, pinKey: deriveQrKey(site.key) };
}

export const qrSessionsOf = (qr: QrContext): QrSessionRepository => qr.site.storage.qrSessions;
