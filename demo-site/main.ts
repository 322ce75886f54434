// `npm run site`: read the settings, open the storage (DATABASE_URL or DATA_DIR), serve. Also used by start.ts and by
// tests as a child process. With WORKERS above 1, that many processes serve the port (node:cluster).
import cluster from 'node:cluster';
import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { loadConfig, type SiteConfig } from './config';
import { createApp, type SiteApp } from './app';
import { loadServerKey } from './crypto/server-key';
import { assertKeyOpensStore } from './crypto/key-check';
import { openStorage } from './storage/open-storage';
import { purgeExpired } from './maintenance';
import { ensureAdmin, type CreatedAdmin } from './admin/bootstrap';
import { serveWorkers } from './workers';

export interface RunningSite extends SiteApp {
  url: string;
  /** The administrator made at this start, if any (with its generated password, to show once). */
  createdAdmin: CreatedAdmin | null;
  close(): Promise<void>;
}

const SWEEP_INTERVAL_MS = 60_000;
/** How long requests under way may take to finish when the site stops. */
const DRAIN_MS = 5_000;

export async function startSite(config: SiteConfig, now: () => number = Date.now, options = { createAdminIfNone: false }): Promise<RunningSite> {
  const storage = await openStorage(config);
  try {
    const key = loadServerKey(config.dataDir, config.secret);
    await assertKeyOpensStore(key, storage);
    const site = createApp({ config, storage, key, now });
    const createdAdmin = await ensureAdmin(site.ctx, { createIfNoAdmin: options.createAdminIfNone });
    const sweep = setInterval(() => {
      purgeExpired(site.ctx).catch((error) => console.error('[site] clean-up failed:', error?.code ?? error?.message ?? error));
    }, SWEEP_INTERVAL_MS);
    sweep.unref();
    await new Promise<void>((resolve, reject) => {
      site.server.once('error', reject);
      site.server.listen(config.port, config.host, resolve);
    });
    const { port } = site.server.address() as AddressInfo;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    let closing: Promise<void> | null = null;
    return {
      ...site,
      createdAdmin,
      url: `http://${host}:${port}`,
      close: () =>
        (closing ??= (async () => {
          clearInterval(sweep);
          site.realtime.close();
          await site.mail.stop();
          site.ctx.keyring.close();
          // New connections are refused at once; requests under way get a few seconds to finish before the storage
          // closes under them (they would fail against it, and their clients would get no answer).
          const closed = new Promise<void>((resolve) => site.server.close(() => resolve()));
          site.server.closeIdleConnections();
          await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, DRAIN_MS).unref())]);
          site.server.closeAllConnections();
          await closed;
          await storage.close();
        })()),
    };
  } catch (error) {
    await storage.close();
    throw error;
  }
}

/** Shown once: a generated administrator password is never written anywhere else. */
export function announceAdmin(admin: CreatedAdmin | null): void {
  if (!admin) return;
  console.log(`Administrator: ${admin.email}`);
  if (admin.generatedPassword) {
    console.log(`Its password (shown only this once; sign in and set up two-factor authentication): ${admin.generatedPassword}`);
  }
}

/** Serves on the configured address until SIGINT or SIGTERM; a start that cannot happen says why and exits 1. */
export async function serve(options = { createAdminIfNone: false }): Promise<void> {
  try {
    const config = loadConfig();
    if (config.workers > 1 || cluster.isWorker) return await serveWorkers(config, options);
    const site = await startSite(config, Date.now, options);
    console.log(`Tessera demo site listening on ${site.url} (data: ${site.ctx.storage.description})`);
    announceAdmin(site.createdAdmin);
    const stop = () => site.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void serve();
