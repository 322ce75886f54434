// `npm start`: build the extension, then serve the demo site (creating an administrator if there is none).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { serve } from './main';

const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
console.log(`\nThe extension is built in ${resolve('.output/chrome-mv3')}: load it unpacked from chrome://extensions.`);
await serve({ createAdminIfNone: true });
