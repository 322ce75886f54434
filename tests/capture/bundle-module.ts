// Bundles one of the extension's modules into a classic script that sets a global, so a test can run the real
// code inside an extension page (its origin, its IndexedDB, its storage.session) without a UI to drive.
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';

export async function bundleModule(relativeToRepo: string, globalName: string): Promise<string> {
  const entry = fileURLToPath(new URL(`../../${relativeToRepo}`, import.meta.url));
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry, formats: ['iife'], name: globalName } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs[0]?.output[0];
  if (!chunk || chunk.type !== 'chunk') throw new Error(`Bundling ${relativeToRepo} produced no script.`);
  return `${chunk.code}\nglobalThis.${globalName} = ${globalName};`;
}
