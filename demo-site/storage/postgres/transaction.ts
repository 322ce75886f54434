// A transaction on one pipelined connection (pg's `pipeline` mode): statements go out without waiting for the one
// before, and PostgreSQL answers them in order. A change whose caller wants no answer (`sql.run`) returns at once and
// is held until the next statement or the end, then sent with the others held (held-changes.ts). BEGIN goes out with
// the first change: plain reads before it need none, since under READ COMMITTED (PostgreSQL's default, used here) a
// statement sees what was committed when it started, in a transaction block or not, and a plain read locks nothing.
// A transaction whose changes all became one statement needs no BEGIN at all; otherwise COMMIT goes out behind them,
// and its answer means all of them are done and durable. So a sign-in's writes cost the database one statement and one
// wake-up, not one each, which matters when its processes share the CPU with Argon2id.
import type pg from 'pg';
import { combineChanges, type Change } from './held-changes';
import { corkForThisTurn } from './pool-sql';
import { toStorageError, send, type Sql } from './sql';

/** A SELECT that locks nothing and calls nothing with effects (locks, sequences, notifications). */
const PLAIN_READ = /^\s*SELECT\b(?![\s\S]*\bFOR\s+(?:NO\s+KEY\s+)?(?:UPDATE|SHARE|KEY\s+SHARE)\b)(?![\s\S]*\b(?:pg_\w+|nextval|setval)\s*\()/i;

export interface PipelinedTransaction {
  sql: Sql;
  /** Throws when any statement of the transaction failed (PostgreSQL then rolled it back). */
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

export function pipelineTransaction(client: pg.PoolClient): PipelinedTransaction {
  const cork = { corked: false };
  // Statements issued one after another without waiting (the usual case) leave in one write, not one each.
  const sendTogether = (text: string, values?: unknown[]) => {
    corkForThisTurn(client, cork);
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
  let held: Change[] = [];
  const sendHeld = () => {
    if (held.length === 0) return;
    start();
    for (const change of combineChanges(held)) sendTogether(change.text, change.values).catch(note);
    held = [];
  };
  const sql = (async (text: string, values?: unknown[]) => {
    sendHeld();
    if (!PLAIN_READ.test(text)) start();
    try {
      return await sendTogether(text, values);
    } catch (error) {
      throw note(error);
    }
  }) as Sql;
  // The answer is read by commit(): a failure here fails the transaction there (and every statement after it).
  sql.run = async (text, values = []) => void held.push({ text, values });
  return {
    sql,
    async commit() {
      if (!begun && held.length > 0) {
        const [only, ...more] = combineChanges(held);
        // One statement is a transaction of its own.
        if (more.length === 0) return void (await send(client, only.text, only.values));
      }
      sendHeld();
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
