#!/usr/bin/env node
// The `tessera` command: runs the TypeScript sources through tsx, so it works in a checkout without a build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('./main.ts');
process.exitCode = await runCli(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) });
