// Events between the site's processes over PostgreSQL LISTEN/NOTIFY: one listening connection per process, reopened
// by itself (0.25 s doubling to 2 s) when the database goes away and comes back. NOTIFY is not queued for a listener
// that is away, so the loss is announced (onDeaf) for live clients to reconnect and ask what they missed.
import pg from 'pg';
import type { EventBus } from '../storage';
import type { Sql } from './sql';

const CHANNEL = 'tessera_events';
const MAX_RETRY_MS = 2_000;

export async function startPostgresBus(config: pg.ClientConfig, sql: Sql): Promise<EventBus & { close(): Promise<void> }> {
  const listeners = new Set<(message: string) => void>();
  const deafListeners = new Set<() => void>();
  let client: pg.Client | null = null;
  let closed = false;
  let retryMs = 250;
  let timer: NodeJS.Timeout | undefined;

  const listen = async (): Promise<void> => {
    const next = new pg.Client(config);
    next.on('notification', (note) => {
      if (note.channel !== CHANNEL || note.payload === undefined) return;
      for (const listener of [...listeners]) listener(note.payload);
    });
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    if (closed) return void (await next.end().catch(() => undefined));
    client = next;
    retryMs = 250;
  };
  const lost = (gone: pg.Client) => {
    if (client !== gone) return;
    client = null;
    void gone.end().catch(() => undefined);
    for (const listener of [...deafListeners]) listener();
    retry();
  };
  const retry = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      listen().catch(() => {
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
        retry();
      });
    }, retryMs);
    timer.unref();
  };

  await listen();
  return {
    publish: async (message) => void (await sql('SELECT pg_notify($1, $2)', [CHANNEL, message])),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    isListening: () => client !== null,
    onDeaf(listener) {
      deafListeners.add(listener);
      return () => deafListeners.delete(listener);
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await client?.end().catch(() => undefined);
      client = null;
    },
  };
}
