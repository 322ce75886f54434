// QR sign-in in tests: a site with roomy QR limits, the extension's scan call, and WebSocket listeners.
import { WebSocket } from 'ws';
import { CHANNEL_PROTOCOL, type ExtensionEvent, type PageEvent, type QrIssued, type QrScanResponse } from '#shared/protocol/qr-signin.ts';
import { Client, type Reply } from './client';
import { codeAt, startTestSite, type TestClock, type TestSite } from './site';

export const EXTENSION_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
export const DEVICE = 'Chrome on Linux';

export function startQrSite(env: Record<string, string> = {}, clock?: TestClock): Promise<TestSite> {
  return startTestSite({ RATE_LIMIT_QR_GENERATE: '10000', RATE_LIMIT_QR_SCAN: '10000', RATE_LIMIT_PIN_VERIFY: '10000', ...env }, undefined, clock);
}

/** A browser showing the sign-in page: its own cookie jar, its page Origin. */
export function pageClient(site: TestSite): Client {
  return new Client(site.url, { origin: site.url });
}

export async function generateQr(client: Client): Promise<QrIssued> {
  const reply = await client.post('/api/qr/generate');
  if (reply.status !== 201) throw new Error(`generate failed: ${reply.status} ${reply.text}`);
  return reply.body as QrIssued;
}

/** What the extension sends: no cookies, its own Origin. */
export function scan(site: TestSite, body: Record<string, unknown>, origin = EXTENSION_ORIGIN): Promise<Reply> {
  return new Client(site.url, { origin }).post('/api/qr/scan', { device: DEVICE, ...body });
}

export async function scanSignin(site: TestSite, qrToken: string, email: string, secret: string): Promise<QrScanResponse & { kind: 'signin' }> {
  const reply = await scan(site, { qrToken, email, code: codeAt(secret, site.clock) });
  if (reply.status !== 200) throw new Error(`scan failed: ${reply.status} ${reply.text}`);
  return reply.body;
}

export function cookieHeader(client: Client): string {
  return [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
}

export interface Listener<T> {
  events: T[];
  socket: WebSocket;
  /** The first matching event after those already returned by next(). */
  next(predicate?: (event: T) => boolean): Promise<T>;
  close(): void;
}

/** Opens /ws and collects its JSON events. Rejects with the HTTP status when the upgrade is refused. */
export function listen<T = PageEvent | ExtensionEvent>(site: Pick<TestSite, 'url'>, options: { cookie?: string; origin?: string; channel?: string } = {}): Promise<Listener<T>> {
  const url = new URL('/ws', site.url.replace(/^http/, 'ws'));
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  // The extension's channel token rides as a second subprotocol, never in the URL.
  const protocols = options.channel !== undefined ? [CHANNEL_PROTOCOL, options.channel].filter(Boolean) : [];
  const socket = new WebSocket(url, protocols, { headers, origin: options.origin });
  const events: T[] = [];
  let cursor = 0;
  const waiters: { predicate: (event: T) => boolean; resolve: (event: T) => void }[] = [];
  socket.on('message', (data) => {
    const event = JSON.parse(String(data)) as T;
    events.push(event);
    for (const waiter of waiters.splice(0)) {
      if (!waiter.predicate(event)) waiters.push(waiter);
      else {
        cursor = events.length;
        waiter.resolve(event);
      }
    }
  });
  const listener: Listener<T> = {
    events,
    socket,
    next(predicate = () => true) {
      const index = events.findIndex((event, i) => i >= cursor && predicate(event));
      if (index >= 0) {
        cursor = index + 1;
        return Promise.resolve(events[index]);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching event; got ${JSON.stringify(events)}`)), 5000);
        waiters.push({ predicate, resolve: (event) => (clearTimeout(timer), resolve(event)) });
      });
    },
    close: () => socket.close(),
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(listener));
    socket.once('unexpected-response', (_request, response) => reject(new Error(`refused ${response.statusCode}`)));
    socket.once('error', reject);
  });
}

/** Lets events already sent arrive before asserting that none came. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 150));
