// One way to run a query, through the pool or a transaction's client, with the failures that mean "the database
// cannot be reached" turned into StorageUnavailableError (503). Anything else is a bug and stays as it is.
import { createHash } from 'node:crypto';
import type { QueryConfig, QueryResult, QueryResultRow } from 'pg';
import { StorageUnavailableError } from '../errors';

export type Sql = <R extends QueryResultRow = any>(text: string, values?: unknown[]) => Promise<QueryResult<R>>;

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

export function sqlOf(target: { query: (config: QueryConfig) => Promise<QueryResult> }): Sql {
  return async (text, values) => {
    try {
      return (await target.query({ name: nameOf(text), text, values })) as QueryResult<any>;
    } catch (error) {
      throw toStorageError(error);
    }
  };
}
