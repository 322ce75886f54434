// The QR flow's domain functions and the socket hub, without Express, HTTP or a browser: a real store in a temporary
// folder, the clock injected, and a notifier that records what would go to sockets.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExtensionEvent, PageEvent } from '#shared/protocol/qr-signin.ts';
import { loadConfig } from '../../demo-site/config';
import { openStore } from '../../demo-site/store/db';
import { createQrContext, type QrContext } from '../../demo-site/qr-signin/context';
import { issueQr } from '../../demo-site/qr-signin/issue';
import { findLiveSession, sweepQrSessions } from '../../demo-site/qr-signin/lifecycle';
import type { QrNotifier } from '../../demo-site/qr-signin/notifier';
import { RealtimeHub, type LiveSocket } from '../../demo-site/realtime/hub';
import { TestClock } from './support/site';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));
const request = { ip: '127.0.0.1', userAgent: 'test' };

async function qrContext(clock: TestClock): Promise<{ qr: QrContext; pages: [string, PageEvent][] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-qr-'));
  folders.push(dataDir);
  const pages: [string, PageEvent][] = [];
  const notify: QrNotifier = { toPage: (binding, event) => pages.push([binding, event]), toChannel: () => false, closeChannel: () => undefined };
  const site = { config: loadConfig({ DATA_DIR: dataDir }), store: await openStore(dataDir), key: Buffer.alloc(32, 7), now: clock.now };
  return { qr: createQrContext(site, notify), pages };
}

function fakeSocket(): LiveSocket & { sent: unknown[]; closed: boolean } {
  const socket = {
    sent: [] as unknown[],
    closed: false,
    send: (data: string) => !socket.closed && socket.sent.push(JSON.parse(data)) > 0,
    close: () => void (socket.closed = true),
  };
  return socket;
}

describe('QR sessions', () => {
  it('withdraws the oldest of more than five unscanned QR codes of one browser, and only of that browser', async () => {
    const clock = new TestClock();
    const { qr } = await qrContext(clock);
    const tokens: string[] = [];
    for (let i = 0; i < 6; i++) {
      tokens.push((await issueQr(qr, { kind: 'signin', binding: 'qr:a', origin: 'https://demo.example' }, request)).qrToken);
      clock.advance(1);
    }
    const other = await issueQr(qr, { kind: 'signin', binding: 'qr:b', origin: 'https://demo.example' }, request);
    expect(findLiveSession(qr, tokens[0])).toBeUndefined();
    expect(tokens.slice(1).every((token) => findLiveSession(qr, token))).toBe(true);
    expect(findLiveSession(qr, other.qrToken)).toBeDefined();
  });

  it('drops unscanned QR codes at 2 minutes in the sweep, and tells the page when a request meets one late', async () => {
    const clock = new TestClock();
    const { qr, pages } = await qrContext(clock);
    const first = await issueQr(qr, { kind: 'signin', binding: 'qr:a', origin: 'https://demo.example' }, request);
    const second = await issueQr(qr, { kind: 'pair', binding: 'session:s', origin: 'https://demo.example' }, request);
    clock.advance(120_000);
    expect(findLiveSession(qr, first.qrToken)).toBeUndefined();
    expect(pages).toEqual([['qr:a', { type: 'expired', qrToken: first.qrToken }]]);
    sweepQrSessions(qr);
    expect(qr.registry.size).toBe(0);
    expect(findLiveSession(qr, second.qrToken)).toBeUndefined();
  });
});

describe('realtime hub', () => {
  it('sends page events only to sockets of that binding, and forgets a socket once released', () => {
    const hub = new RealtimeHub();
    const mine = fakeSocket();
    const theirs = fakeSocket();
    const release = hub.addPage(['qr:mine', 'session:mine'], mine);
    hub.addPage(['qr:theirs'], theirs);
    const event: PageEvent = { type: 'scanned', qrToken: 't', device: 'Chrome on Linux' };
    hub.toPage('qr:mine', event);
    hub.toPage('session:mine', { type: 'paired', qrToken: 'p', device: 'Chrome on Linux' });
    expect(mine.sent).toHaveLength(2);
    expect(theirs.sent).toEqual([]);
    release();
    hub.toPage('qr:mine', event);
    expect(mine.sent).toHaveLength(2);
  });

  it('keeps one socket per channel: a reconnection replaces and closes the earlier one', () => {
    const hub = new RealtimeHub();
    const first = fakeSocket();
    const second = fakeSocket();
    hub.setChannel('c', first);
    const releaseSecond = hub.setChannel('c', second);
    expect(first.closed).toBe(true);
    const event: ExtensionEvent = { type: 'signed-in' };
    expect(hub.toChannel('c', event)).toBe(true);
    expect(second.sent).toEqual([event]);
    releaseSecond();
    expect(hub.toChannel('c', event)).toBe(false);
    expect(hub.toChannel('unknown', event)).toBe(false);
  });
});
