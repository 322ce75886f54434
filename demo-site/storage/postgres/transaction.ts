// A transaction on one pipelined connection (pg's `pipeline` mode): statements go out without waiting for the one
// before, and PostgreSQL answers them in order. BEGIN goes out with the transaction's first statement (a transaction
// that ends up doing nothing sends nothing); a change whose caller wants no answer (`sql.run`) is not waited for; COMMIT
// goes out behind them and its answer means all of them are done and durable. So a sign-in's writes, however many,
// cost the database one wake-up, not one each, which matters when its processes share the CPU with Argon2id.
import type pg from 'pg';
import { toStorageError, send, type Sql } from './sql';

export interface PipelinedTransaction {
  sql: Sql;
  /** Throws when any statement of the transaction failed (PostgreSQL then rolled it back). */
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

export function pipelineTransaction(client: pg.PoolClient): PipelinedTransaction {
  const stream = client.connection.stream;
  let corked = false;
  // Statements issued one after another without waiting (the usual case) leave in one write, not one each.
  const sendTogether = (text: string, values?: unknown[]) => {
    if (!corked) {
      corked = true;
      stream.cork();
      process.nextTick(() => {
        corked = false;
        stream.uncork();
      });
    }
    return send(client, text, values);
  };
  let begun = false;
  let ended = false;
  // The first statement that failed: every later one fails only because of it ("current transaction is aborted").
  let failure: unknown = null;
  const note = (error: unknown) => (failure ??= error);
  const start = () => {
    if (begun) return;
    begun = true;
    sendTogether('BEGIN').catch(note);
  };
  const sql = (async (text: string, values?: unknown[]) => {
    start();
    try {
      return await sendTogether(text, values);
    } catch (error) {
      throw note(error);
    }
  }) as Sql;
  sql.run = async (text, values) => {
    start();
    // The answer is read by commit(): a failure here fails the transaction there (and every statement after it).
    sendTogether(text, values).catch(note);
  };
  return {
    sql,
    async commit() {
      if (!begun) return;
      ended = true;
      const result = await sendTogether('COMMIT');
      if (failure !== null) throw failure;
      // A statement failed whose error the caller caught: PostgreSQL answers COMMIT with a rollback.
      if (result.command === 'ROLLBACK') throw toStorageError(new Error('The transaction was rolled back: a statement in it failed.'));
    },
    async rollback() {
      if (!begun || ended) return;
      ended = true;
      await send(client, 'ROLLBACK');
    },
  };
}
