// `npm start`: build the extension, then serve the demo site and say where both are.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { loadConfig } from './config';
import { announceAdmin, startSite } from './main';

const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
console.log(`\nThe extension is built in ${resolve('.output/chrome-mv3')}: load it unpacked from chrome://extensions.`);

try {
  const site = await startSite(loadConfig(), Date.now, { createAdminIfNone: true });
  console.log(`The demo site is at ${site.url}`);
  announceAdmin(site.createdAdmin);
  const stop = () => site.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
