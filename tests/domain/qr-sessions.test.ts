// The QR flow's domain functions and the socket hub, without Express, HTTP or a browser: the memory adapter, the clock
// injected, and a notifier that records what would go to sockets.
import { describe, expect, it } from 'vitest';
import type { ExtensionEvent, PageEvent } from '#shared/protocol/qr-signin.ts';
import { issueQr } from '../../demo-site/qr-signin/issue';
import { findLiveSession, sweepQrSessions } from '../../demo-site/qr-signin/lifecycle';
import { RealtimeHub, type LiveSocket } from '../../demo-site/realtime/hub';
import { qrDomain, REQUEST as request } from './support/context';

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
    const { qr, clock } = qrDomain();
    const tokens: string[] = [];
    for (let i = 0; i < 6; i++) {
      tokens.push((await issueQr(qr, { kind: 'signin', binding: 'qr:a', origin: 'https://demo.example' }, request)).qrToken);
      clock.advance(1);
    }
    const other = await issueQr(qr, { kind: 'signin', binding: 'qr:b', origin: 'https://demo.example' }, request);
    expect(await findLiveSession(qr, tokens[0])).toBeNull();
    for (const token of tokens.slice(1)) expect(await findLiveSession(qr, token)).not.toBeNull();
    expect(await findLiveSession(qr, other.qrToken)).not.toBeNull();
  });

  it('drops unscanned QR codes at 2 minutes in the sweep, and tells the page when a request meets one late', async () => {
    const { qr, notify, clock } = qrDomain();
    const first = await issueQr(qr, { kind: 'signin', binding: 'qr:a', origin: 'https://demo.example' }, request);
    const second = await issueQr(qr, { kind: 'pair', binding: 'session:s', origin: 'https://demo.example' }, request);
    clock.advance(120_000);
    expect(await findLiveSession(qr, first.qrToken)).toBeNull();
    expect(notify.pages).toEqual([['qr:a', { type: 'expired', qrToken: first.qrToken }]]);
    await sweepQrSessions(qr);
    expect(await qr.site.storage.qrSessions.countLive()).toBe(0);
    expect(await findLiveSession(qr, second.qrToken)).toBeNull();
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
