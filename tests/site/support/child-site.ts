// Runs the site as a separate process (`demo-site/main.ts`), so a test can kill it for real.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface ChildSite {
  url: string;
  process: ChildProcess;
  exited: Promise<NodeJS.Signals | number | null>;
  /** Everything the process printed so far (stdout and stderr), for failure messages. */
  output(): string;
}

export function spawnSite(env: Record<string, string>): Promise<ChildSite> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo-site/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`The site did not start in time:\n${output}`)), 180_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({ url: match[1], process: child, exited, output: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The site exited (${code}) before listening:\n${output}`));
    });
  });
}
