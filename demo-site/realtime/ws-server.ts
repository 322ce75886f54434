// The WebSocket server at /ws, in the site's own process and port. Each socket is identified at the upgrade (see
// identify.ts), registered with the hub, and pinged so dead connections go away.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { QrContext } from '../qr-signin/context';
import { rotatePin, sweepQrSessions } from '../qr-signin/lifecycle';
import type { QrSession } from '../qr-signin/registry';
import type { RealtimeHub, LiveSocket } from './hub';
import { identifySocket } from './identify';
import { CHANNEL_PROTOCOL } from '#shared/protocol/qr-signin.ts';

const PING_INTERVAL_MS = 30_000;
const SWEEP_INTERVAL_MS = 5_000;
const STATUS_TEXT = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' } as const;

export interface Realtime {
  close(): void;
}

export function attachRealtime(server: Server, qr: QrContext, hub: RealtimeHub): Realtime {
  // Clients only listen: anything they send beyond a few bytes closes the socket.
  // The extension offers its channel token as a second subprotocol: the answer names only CHANNEL_PROTOCOL.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 1024,
    handleProtocols: (offered) => (offered.has(CHANNEL_PROTOCOL) ? CHANNEL_PROTOCOL : false),
  });
  const alive = new WeakSet<WebSocket>();

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const identity = identifySocket(qr, req);
    if (identity.kind === 'refused') return refuseUpgrade(socket, identity.status, identity.code, identity.message);
    wss.handleUpgrade(req, socket, head, (ws) => {
      alive.add(ws);
      ws.on('pong', () => alive.add(ws));
      ws.on('error', () => ws.terminate());
      const live = toLiveSocket(ws);
      const release = identity.kind === 'page' ? hub.addPage(identity.bindings, live) : joinChannel(qr, hub, identity.session, live);
      ws.on('close', release);
    });
  });

  const ping = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, PING_INTERVAL_MS);
  const sweep = setInterval(() => sweepQrSessions(qr), SWEEP_INTERVAL_MS);
  ping.unref();
  sweep.unref();

  return {
    close() {
      clearInterval(ping);
      clearInterval(sweep);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

/** A PIN made while the extension was away (expiry, wrong guess) never reached it: it gets a fresh one now. */
function joinChannel(qr: QrContext, hub: RealtimeHub, session: QrSession, socket: LiveSocket): () => void {
  const release = hub.setChannel(session.channelHash!, socket);
  if (session.pin && !session.pin.delivered) rotatePin(qr, session);
  return release;
}

function toLiveSocket(ws: WebSocket): LiveSocket {
  return {
    send(data) {
      if (ws.readyState !== ws.OPEN) return false;
      ws.send(data);
      return true;
    },
    close: (code, reason) => ws.close(code, reason),
  };
}

function refuseUpgrade(socket: Duplex, status: 401 | 403 | 404, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
