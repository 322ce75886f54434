// WORKERS=N: N processes serve the one port (node:cluster), all on the same PostgreSQL database. The primary prepares
// once (schema, key check, administrator) and restarts a worker that dies; the workers serve.
import cluster, { type Worker } from 'node:cluster';
import type { SiteConfig } from './config';
import { ensureAdmin } from './admin/bootstrap';
import { createSiteContext } from './context';
import { assertKeyOpensStore } from './crypto/key-check';
import { loadServerKey } from './crypto/server-key';
import { announceAdmin, startSite } from './main';
import { openStorage } from './storage/open-storage';

interface Listening { type: 'listening'; url: string; data: string }

export async function serveWorkers(config: SiteConfig, options: { createAdminIfNone: boolean }): Promise<void> {
  if (cluster.isWorker) return serveAsWorker(config);
  const storage = await openStorage(config);
  let admin;
  try {
    const key = loadServerKey(config.dataDir, config.secret);
    await assertKeyOpensStore(key, storage);
    // Only the workers send mail; preparing sends none.
    const noMail = { wake: () => undefined };
    const ctx = createSiteContext({ config, storage, key, now: Date.now, origin: () => config.publicOrigin ?? '', mail: noMail });
    admin = await ensureAdmin(ctx, { createIfNoAdmin: options.createAdminIfNone });
  } finally {
    await storage.close();
  }
  let stopping = false;
  const started = new Set<Worker>();
  const fork = () => {
    const worker = cluster.fork();
    worker.on('message', (message: Listening) => {
      if (message?.type !== 'listening' || started.has(worker)) return;
      started.add(worker);
      if (started.size === config.workers) {
        console.log(`Tessera demo site listening on ${message.url} (${config.workers} workers, data: ${message.data})`);
        announceAdmin(admin ?? null);
      }
    });
  };
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`[site] worker ${worker.process.pid} ended (${signal ?? code}); starting another`);
    fork();
  });
  for (let i = 0; i < config.workers; i++) fork();
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function serveAsWorker(config: SiteConfig): Promise<void> {
  const site = await startSite(config, Date.now, { createAdminIfNone: false });
  process.send?.({ type: 'listening', url: site.url, data: site.ctx.storage.description } satisfies Listening);
  const stop = () => site.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // The primary is gone (killed): no one restarts or stops this worker any more.
  process.once('disconnect', stop);
}
