// Bundles the shared QR decoder into one classic script, so a test can run it inside the real extension.
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';

const ENTRY = fileURLToPath(import.meta.resolve('#shared/qr/index.ts'));

/** Script text that defines `globalThis.TesseraQr` with the exports of shared/qr/index.ts. */
export async function bundleQrDecoder(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry: ENTRY, formats: ['iife'], name: 'TesseraQr' } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs[0]?.output[0];
  if (!chunk || chunk.type !== 'chunk') throw new Error('Bundling shared/qr/index.ts produced no script.');
  return `${chunk.code}\nglobalThis.TesseraQr = TesseraQr;`;
}
