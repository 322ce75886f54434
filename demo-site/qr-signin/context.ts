// What the QR flow's functions need: the site, the live sessions, the way out to sockets, and the PIN key.
import type { SiteContext } from '../context';
import type { QrNotifier } from './notifier';
import { deriveQrKey } from './pin';
import { QrRegistry } from './registry';

export interface QrContext {
  site: SiteContext;
  registry: QrRegistry;
  notify: QrNotifier;
  pinKey: Buffer;
}

export function createQrContext(site: SiteContext, notify: QrNotifier): QrContext {
  return { site, registry: new QrRegistry(), notify, pinKey: deriveQrKey(site.key) };
}
