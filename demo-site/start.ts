// `npm start`: build the extension, then say where it is. (The demo site is served from here once it exists.)
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
console.log(`\nThe extension is built in ${resolve('.output/chrome-mv3')}: load it unpacked from chrome://extensions.`);
