// `npm test`: type-check everything, make sure both browsers are there, build and package the extension for each
// (`npm run zip`: the browser tests load those builds, and tests/extension/packages.test.ts checks the packages), then
// run every suite.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './support/find-chromium.mjs';
import { ensureFirefox } from './support/find-firefox.mjs';

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function ensure(find) {
  try {
    return find();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}

run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);

const chromePath = ensure(ensureChromium);
const firefoxPath = ensure(ensureFirefox);
console.log(`Browser tests use ${chromePath} and ${firefoxPath}`);
const env = { ...process.env, CHROME_PATH: chromePath, FIREFOX_PATH: firefoxPath };
run('npm', ['run', 'zip'], env);
run('npx', ['vitest', 'run', '--config', 'tests/vitest.config.ts', ...process.argv.slice(2)], env);
