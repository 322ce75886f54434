// The PostgreSQL adapter (DATABASE_URL set): a pg pool, the schema migrated at start, transactions on one pipelined connection,
// and LISTEN/NOTIFY between processes. A database that goes away makes calls fail with StorageUnavailableError; the
// pool and the listener reconnect by themselves when it is back.
import pg from 'pg';
import { ConfigError } from '../../errors';
import type { Storage } from '../storage';
import { startPostgresBus } from './bus';
import { migrate } from './migrations';
import { isUnavailable, sqlOf, toStorageError } from './sql';
import { pooledSql } from './pool-sql';
import { createPostgresRepositories, transactionRepositories } from './repositories';
import { pipelineTransaction } from './transaction';
import { postgresTransfer } from './transfer';

/** Times are milliseconds in bigint columns: read them as numbers (exact up to 2^53). */
const types = { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === 20 ? Number : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser };

/** The URL without its password, for messages. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '(an unreadable DATABASE_URL)';
  }
}

export async function openPostgresStorage(url: string, options: { poolSize?: number } = {}): Promise<Storage> {
  // A database that is down refuses at once (ECONNREFUSED); the timeout covers a request waiting for a free connection
  // of the pool under load, which must not be taken for an outage.
  const config: pg.ClientConfig = { connectionString: url, connectionTimeoutMillis: 30_000, types };
  // Pipelined connections: a transaction sends its statements without waiting for each answer (transaction.ts).
  const pool = new pg.Pool({ ...config, pipeline: true, max: options.poolSize ?? 10 });
  // An idle connection dropped by a restarting database: the pool replaces it at the next query.
  pool.on('error', () => undefined);
  // Every connection listens for its own failure for its whole life. The pool takes its listener off a connection when
  // handing it out, and hands it out through a promise, so a caller's listener comes a moment later: an error read in
  // that moment (a new connection's "ready" and a stopping database's "terminating connection" in one read) would be an
  // 'error' with no listener, which ends the process. Queries on a failed connection fail by themselves (503), and the
  // pool drops a connection that is no longer queryable when it comes back.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const where = describeDatabaseUrl(url);
  let bus: Awaited<ReturnType<typeof startPostgresBus>>;
  try {
    await migrate(pool);
    bus = await startPostgresBus(config, sqlOf(pool));
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    if (isUnavailable(error) || /password|does not exist|role/i.test(reason)) {
      throw new ConfigError(`Cannot use the PostgreSQL database at ${where} (DATABASE_URL): ${reason}. Start it, or fix DATABASE_URL.`);
    }
    throw error;
  }
  const sql = pooledSql(pool);
  let closing: Promise<void> | null = null;
  return {
    ...createPostgresRepositories(sql),
    kind: 'postgres',
    description: `PostgreSQL at ${where}`,
    async transaction(work) {
      const client = await pool.connect().catch((error) => Promise.reject(toStorageError(error)));
      let broken = false;
      const tx = pipelineTransaction(client);
      try {
        const result = await work(transactionRepositories(tx.sql));
        await tx.commit();
        return result;
      } catch (error) {
        broken = isUnavailable(error) || isUnavailable((error as { cause?: unknown }).cause);
        if (!broken) await tx.rollback().catch(() => (broken = true));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    bus,
    transfer: postgresTransfer(sql),
    close: () =>
      (closing ??= (async () => {
        await bus.close();
        await pool.end();
      })()),
  };
}
