// One way to run a query, through the pool or a transaction's client, with the failures that mean "the database
// cannot be reached" turned into StorageUnavailableError (503). Anything else is a bug and stays as it is.
import type { QueryResult, QueryResultRow } from 'pg';
import { StorageUnavailableError } from '../errors';

export type Sql = <R extends QueryResultRow = any>(text: string, values?: unknown[]) => Promise<QueryResult<R>>;

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** SQLSTATE: 08 connection exceptions; 57P01-57P03 shut down or starting; 53300 too many connections. */
const UNAVAILABLE_STATES = /^(08...|57P0[123]|53300)$/;
const UNAVAILABLE_MESSAGES = /Connection terminated|connection error|timeout exceeded when trying to connect|not queryable|Client was closed/i;

export function isUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.test(code))) return true;
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message);
}

export function toStorageError(error: unknown): unknown {
  return isUnavailable(error) ? new StorageUnavailableError({ cause: error }) : error;
}

export function sqlOf(target: { query: (text: string, values?: unknown[]) => Promise<QueryResult> }): Sql {
  return async (text, values) => {
    try {
      return (await target.query(text, values)) as QueryResult<any>;
    } catch (error) {
      throw toStorageError(error);
    }
  };
}
