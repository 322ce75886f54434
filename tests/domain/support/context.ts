// The domain functions on their own: no Express, no HTTP, no disk. The memory adapter (the embedded adapter without
// its files) behind the repositories, the clock injected, real argon2 at its cheapest, and a notifier that records.
import type { ExtensionEvent, PageEvent } from '#shared/protocol/qr-signin.ts';
import { loadConfig } from '../../../demo-site/config';
import { createSiteContext, type SiteContext } from '../../../demo-site/context';
import { createQrContext, type QrContext } from '../../../demo-site/qr-signin/context';
import type { QrNotifier } from '../../../demo-site/qr-signin/notifier';
import { createMemoryStorage } from '../../../demo-site/storage/memory';
import { CHEAP_ARGON2, TestClock } from '../../site/support/site';

export const REQUEST = { ip: '127.0.0.1', userAgent: 'test' };

export function domainContext(env: Record<string, string> = {}, clock = new TestClock()): SiteContext & { clock: TestClock } {
  const config = loadConfig({ DATA_DIR: '/nonexistent', EMAIL_VERIFICATION: 'off', ...CHEAP_ARGON2, ...env });
  const parts = { config, storage: createMemoryStorage(), key: Buffer.alloc(32, 7), now: clock.now, origin: () => 'http://demo.test', mail: { wake: () => undefined } };
  return { ...createSiteContext(parts), clock };
}

export interface RecordingNotifier extends QrNotifier {
  pages: [string, PageEvent][];
  channels: [string, ExtensionEvent][];
  closed: string[];
}

export function recordingNotifier(): RecordingNotifier {
  const notifier: RecordingNotifier = {
    pages: [],
    channels: [],
    closed: [],
    toPage: async (binding, event) => void notifier.pages.push([binding, event]),
    toChannel: async (channelHash, event) => void notifier.channels.push([channelHash, event]),
    closeChannel: async (channelHash) => void notifier.closed.push(channelHash),
  };
  return notifier;
}

export function qrDomain(env: Record<string, string> = {}, clock = new TestClock()): { qr: QrContext; notify: RecordingNotifier; clock: TestClock } {
  const notify = recordingNotifier();
  return { qr: createQrContext(domainContext(env, clock), notify), notify, clock };
}
