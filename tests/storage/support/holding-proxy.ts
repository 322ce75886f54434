// A TCP proxy in front of PostgreSQL that can play a site too busy to read: while `hold` is on, what the server says on
// a new connection after signing it in is kept back and delivered in one piece when the server closes the connection.
// `onReady` tells which backend (its process id) has said it is ready for queries, its words still held.
import { createConnection, createServer, type Socket } from 'node:net';

export interface HoldingProxy {
  port: number;
  hold: boolean;
  onReady: ((backendPid: number) => void) | null;
  close(): Promise<void>;
}

export async function startHoldingProxy(targetPort: number): Promise<HoldingProxy> {
  const sockets = new Set<Socket>();
  const proxy: HoldingProxy = { port: 0, hold: false, onReady: null, close: () => Promise.resolve() };
  const server = createServer((client) => {
    const upstream = createConnection(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.on('data', (chunk) => upstream.write(chunk));
    client.on('close', () => upstream.destroy());
    if (!proxy.hold) {
      upstream.pipe(client);
      return;
    }
    // The sign-in exchange goes through; what follows it (settings, the backend's key, "ready") is held.
    let unread = Buffer.alloc(0);
    let held = Buffer.alloc(0);
    let signedIn = false;
    let pid: number | null = null;
    upstream.on('data', (chunk) => {
      unread = Buffer.concat([unread, chunk]);
      while (unread.length >= 5 && unread.length >= 1 + unread.readInt32BE(1)) {
        const message = unread.subarray(0, 1 + unread.readInt32BE(1));
        unread = unread.subarray(message.length);
        const type = String.fromCharCode(message[0]);
        if (!signedIn) {
          client.write(message);
          signedIn = type === 'R' && message.readInt32BE(5) === 0;
          continue;
        }
        held = Buffer.concat([held, message]);
        if (type === 'K') pid = message.readInt32BE(5);
        if (type === 'Z' && pid !== null) proxy.onReady?.(pid);
      }
    });
    upstream.on('close', () => client.end(Buffer.concat([held, unread])));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.port = (server.address() as { port: number }).port;
  proxy.close = () =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return proxy;
}
