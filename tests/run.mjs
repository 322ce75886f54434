// `npm test`: type-check everything, make sure a browser is there, build the extension the browser tests load,
// then run every suite.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './support/find-chromium.mjs';

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);

let chromePath;
try {
  chromePath = ensureChromium();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
console.log(`Browser tests use ${chromePath}`);
const env = { ...process.env, CHROME_PATH: chromePath };
run('npx', ['wxt', 'build'], env);
run('npx', ['vitest', 'run', '--config', 'tests/vitest.config.ts', ...process.argv.slice(2)], env);
