// The WebSocket server at /ws, in the site's own process and port. Each socket is identified at the upgrade (see
// identify.ts), registered with this process's hub, and pinged so dead connections go away.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { QrContext } from '../qr-signin/context';
import { rejoinChannel, sweepQrSessions } from '../qr-signin/lifecycle';
import type { QrSession } from '../storage/rows';
import { UnavailableError } from '../errors';
import { StorageUnavailableError } from '../storage/errors';
import type { RealtimeHub, LiveSocket } from './hub';
import { identifySocket, type SocketIdentity } from './identify';
import type { Relay } from './relay';
import { CHANNEL_PROTOCOL } from '#shared/protocol/qr-signin.ts';

const PING_INTERVAL_MS = 30_000;
const SWEEP_INTERVAL_MS = 5_000;
const STATUS_TEXT = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 503: 'Service Unavailable' } as const;
type RefusalStatus = keyof typeof STATUS_TEXT;

export interface Realtime {
  close(): void;
}

export function attachRealtime(server: Server, qr: QrContext, hub: RealtimeHub, relay: Relay): Realtime {
  // Clients only listen: anything they send beyond a few bytes closes the socket.
  // The extension offers its channel token as a second subprotocol: the answer names only CHANNEL_PROTOCOL.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 1024,
    handleProtocols: (offered) => (offered.has(CHANNEL_PROTOCOL) ? CHANNEL_PROTOCOL : false),
  });
  const alive = new WeakSet<WebSocket>();

  server.on('upgrade', async (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node's HTTP server hands an upgrade's socket over without an error listener: a client that resets the connection
    // while it is identified, or after its refusal (as a reconnecting page does while the database is away), would be
    // an 'error' with no listener, which ends the process.
    socket.on('error', () => socket.destroy());
    if (!relay.isListening()) {
      const unavailable = new StorageUnavailableError();
      return refuseUpgrade(socket, 503, unavailable.code, unavailable.message);
    }
    let identity: SocketIdentity;
    try {
      identity = await identifySocket(qr, req);
    } catch (error) {
      if (!(error instanceof UnavailableError)) console.error('[site] WebSocket upgrade failed:', error instanceof Error ? error.stack : error);
      const refusal = error instanceof UnavailableError ? error : new UnavailableError('internal_error', 'Something went wrong on our side. Try again in a moment.');
      return refuseUpgrade(socket, 503, refusal.code, refusal.message);
    }
    if (identity.kind === 'refused') return refuseUpgrade(socket, identity.status, identity.code, identity.message);
    wss.handleUpgrade(req, socket, head, (ws) => {
      alive.add(ws);
      ws.on('pong', () => alive.add(ws));
      ws.on('error', () => ws.terminate());
      const live = toLiveSocket(ws);
      const release = identity.kind === 'page' ? hub.addPage(identity.bindings, live) : joinChannel(qr, hub, relay, identity.session, live);
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
  let sweeping = false;
  const sweep = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    sweepQrSessions(qr)
      .catch((error) => console.error('[site] QR sweep failed:', error?.message ?? error))
      .finally(() => (sweeping = false));
  }, SWEEP_INTERVAL_MS);
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

/** The extension's socket: replaces any earlier one (in any process), and gets a PIN it may have missed. */
function joinChannel(qr: QrContext, hub: RealtimeHub, relay: Relay, session: QrSession, socket: LiveSocket): () => void {
  const channelHash = session.channelHash!;
  const release = hub.setChannel(channelHash, socket);
  void relay
    .claimChannel(channelHash)
    .then(() => rejoinChannel(qr, channelHash))
    .catch((error: Error) => console.error('[site] a missed PIN could not be replaced:', error.message));
  return () => void release();
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

function refuseUpgrade(socket: Duplex, status: RefusalStatus, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
