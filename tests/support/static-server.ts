// Serves fixed pages on a loopback port for browser tests.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticServer {
  port: number;
  /** http://<host>:<port><path>; host defaults to 127.0.0.1 (with a host-resolver rule any name reaches it). */
  url(path: string, host?: string): string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Milliseconds the server's clock (its Date header) is ahead of this machine's, asked at each request: a wrong local
   * clock, seen from outside. */
  clockOffsetMs?: () => number;
}

export async function serveStatic(pages: Record<string, string>, options: ServeOptions = {}): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    if (options.clockOffsetMs) res.setHeader('date', new Date(Date.now() + options.clockOffsetMs()).toUTCString());
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = pages[path];
    if (body === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': contentTypeOf(path) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path, host = '127.0.0.1') => `http://${host}:${port}${path}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function contentTypeOf(path: string): string {
  if (path.endsWith('.js')) return 'text/javascript';
  if (path.endsWith('.svg')) return 'image/svg+xml';
  return 'text/html; charset=utf-8';
}
