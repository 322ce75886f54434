// The extension's PIN channel against a real WebSocket server on loopback.
import { describe, it, expect, afterEach } from 'vitest';
import { WebSocketServer, WebSocket as NodeWebSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import { openPinChannel } from '../../extension/qr-signin/pin-channel';
import { socketUrl } from '#shared/protocol/live-socket.ts';
import type { ExtensionEvent } from '#shared/protocol/qr-signin.ts';

const servers: WebSocketServer[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

async function startServer(): Promise<{ server: WebSocketServer; origin: string }> {
  // Like the site: it answers the extension's channel subprotocol, never echoing the token offered beside it.
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => 'tessera.channel' });
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('pin channel', () => {
  it('builds ws: and wss: URLs with the channel token', () => {
    expect(socketUrl('http://127.0.0.1:3000')).toBe('ws://127.0.0.1:3000/ws');
    expect(socketUrl('https://demo.example')).toBe('wss://demo.example/ws');
  });

  it('passes on fresh PINs and closes when the sign-in ends', async () => {
    const { server, origin } = await startServer();
    const seen: string[] = [];
    server.on('connection', (socket, request) => {
      seen.push(String(request.headers['sec-websocket-protocol']));
      expect(request.url).toBe('/ws');
      socket.send(JSON.stringify({ type: 'pin', pin: '123456', pinExpiresAt: 1, attemptsLeft: 4 }));
      socket.send(JSON.stringify({ type: 'signed-in' }));
    });
    const events: ExtensionEvent[] = [];
    const statuses: string[] = [];
    openPinChannel(origin, 'chan-1', { onEvent: (e) => events.push(e), onStatus: (s) => statuses.push(s), WebSocketImpl: NodeWebSocket as unknown as typeof WebSocket });
    await waitFor(() => statuses.includes('closed'));
    expect(seen.map((header) => header.split(',').map((part) => part.trim()))).toEqual([['tessera.channel', 'chan-1']]);
    expect(events).toEqual([{ type: 'pin', pin: '123456', pinExpiresAt: 1, attemptsLeft: 4 }, { type: 'signed-in' }]);
  });

  it('reconnects after the network drops', async () => {
    const { server, origin } = await startServer();
    let connections = 0;
    server.on('connection', (socket) => {
      connections++;
      if (connections === 1) socket.terminate();
      else socket.send(JSON.stringify({ type: 'pin', pin: '654321', pinExpiresAt: 2, attemptsLeft: 3 }));
    });
    const events: ExtensionEvent[] = [];
    const statuses: string[] = [];
    const close = openPinChannel(origin, 'chan-2', { onEvent: (e) => events.push(e), onStatus: (s) => statuses.push(s), WebSocketImpl: NodeWebSocket as unknown as typeof WebSocket, firstDelayMs: 20 });
    await waitFor(() => events.length === 1);
    expect(statuses).toContain('reconnecting');
    expect(connections).toBe(2);
    close();
  });

  it('stops trying once the QR session could no longer exist', async () => {
    const { server, origin } = await startServer();
    let now = 0;
    server.on('connection', (socket) => {
      now += 11 * 60_000;
      socket.terminate();
    });
    const statuses: string[] = [];
    openPinChannel(origin, 'chan-3', { onEvent: () => undefined, onStatus: (s) => statuses.push(s), WebSocketImpl: NodeWebSocket as unknown as typeof WebSocket, now: () => now, firstDelayMs: 10 });
    await waitFor(() => statuses.includes('closed'));
    expect(statuses).not.toContain('reconnecting');
  });
});
