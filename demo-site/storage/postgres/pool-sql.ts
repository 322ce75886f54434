// Statements outside a transaction: those issued together (in one turn of the event loop, e.g. reads under
// Promise.all) share one connection of the pool and leave in one write, answered in order (pg's pipeline mode), instead
// of taking a connection and a wake-up of the database each. Each still stands alone, as with pool.query.
import type pg from 'pg';
import { isUnavailable, send, toStorageError, type Sql } from './sql';

/** Statements written to `client` in this turn of the event loop go out in one write. */
export function corkForThisTurn(client: pg.PoolClient, state: { corked: boolean }): void {
  if (state.corked) return;
  state.corked = true;
  const stream = client.connection.stream;
  stream.cork();
  process.nextTick(() => {
    state.corked = false;
    stream.uncork();
  });
}

interface Batch { client: Promise<pg.PoolClient>; pending: number; open: boolean; broken: boolean; cork: { corked: boolean } }

/** `pool`'s connections must each listen for their own 'error' (index.ts does). */
export function pooledSql(pool: pg.Pool): Sql {
  let current: Batch | null = null;
  const release = (batch: Batch) => void batch.client.then((client) => client.release(batch.broken), () => undefined);
  const join = (): Batch => {
    if (current) return current;
    const batch: Batch = { client: pool.connect(), pending: 0, open: true, broken: false, cork: { corked: false } };
    current = batch;
    process.nextTick(() => {
      current = null;
      batch.open = false;
      if (batch.pending === 0) release(batch);
    });
    return batch;
  };
  const sql = (async (text: string, values?: unknown[]) => {
    const batch = join();
    batch.pending++;
    try {
      const client = await batch.client.catch((error) => Promise.reject(toStorageError(error)));
      corkForThisTurn(client, batch.cork);
      return await send(client, text, values);
    } catch (error) {
      if (isUnavailable(error) || isUnavailable((error as { cause?: unknown }).cause)) batch.broken = true;
      throw error;
    } finally {
      if (--batch.pending === 0 && !batch.open) release(batch);
    }
  }) as Sql;
  sql.run = async (text, values) => void (await sql(text, values));
  return sql;
}
