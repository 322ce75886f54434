// One way to run a query, through the pool or a transaction's client, with the failures that mean "the database
// cannot be reached" turned into StorageUnavailableError (503). Anything else is a bug and stays as it is.
// `sql.run` is for a change whose caller needs no answer: outside a transaction it returns once the change is durable,
// like any statement; inside one (transaction.ts) it returns at once, and the transaction's end waits for it.
import { createHash } from 'node:crypto';
import type { QueryConfig, QueryResult, QueryResultRow } from 'pg';
import { StorageUnavailableError } from '../errors';

export interface Sql {
  <R extends QueryResultRow = any>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
  /** A change with no answer wanted. */
  run(text: string, values?: unknown[]): Promise<void>;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** SQLSTATE: 08 connection exceptions; 57P01-57P03 shut down or starting; 53300 too many connections. */
const UNAVAILABLE_STATES = /^(08...|57P0[123]|53300)$/;
/** The last: a request still running while the site stops, after its pool has closed. */
const UNAVAILABLE_MESSAGES = /Connection terminated|connection error|timeout exceeded when trying to connect|not queryable|Client was closed|Cannot use a pool after calling end/i;

export function isUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.test(code))) return true;
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message);
}

export function toStorageError(error: unknown): unknown {
  return isUnavailable(error) ? new StorageUnavailableError({ cause: error }) : error;
}

/** A statement's name: the same text is parsed and planned once per connection, then only executed. */
const names = new Map<string, string>();
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) names.set(text, (name = `tessera_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`));
  return name;
}

export type Queryable = { query: (config: QueryConfig) => Promise<QueryResult> };

/** A statement on `target` (the pool, or one connection), prepared once per connection. */
export async function send(target: Queryable, text: string, values?: unknown[]): Promise<QueryResult<any>> {
  try {
    return await target.query({ name: nameOf(text), text, values });
  } catch (error) {
    throw toStorageError(error);
  }
}

export function sqlOf(target: Queryable): Sql {
  const sql = ((text: string, values?: unknown[]) => send(target, text, values)) as Sql;
  sql.run = async (text, values) => void (await send(target, text, values));
  return sql;
}
