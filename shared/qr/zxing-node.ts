// Node only: loads ZXing's WebAssembly from the installed zxing-wasm package, never from the network.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { configureZxing } from './zxing-engine';

const require = createRequire(import.meta.url);
let loading: Promise<void> | undefined;

/** Resolves and reads node_modules/zxing-wasm/dist/reader/zxing_reader.wasm; safe to call more than once. */
export function loadZxingForNode(): Promise<void> {
  loading ??= loadFromPackage().catch((error: unknown) => {
    loading = undefined; // let a later call try again
    throw error;
  });
  return loading;
}

async function loadFromPackage(): Promise<void> {
  const path = require.resolve('zxing-wasm/reader/zxing_reader.wasm');
  const bytes = await readFile(path);
  const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  await configureZxing({ wasmBinary }, 'the zxing-wasm package');
}
