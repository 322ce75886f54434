// Bundles a Preact test entry (and the CSS it imports) into one classic script that can be evaluated in an extension
// page, so the real component runs with that page's origin, IndexedDB, storage.session and activeTab grant.
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { build, type Rolldown } from 'vite';

export async function bundleView(relativeToRepo: string, globalName: string): Promise<string> {
  const entry = fileURLToPath(new URL(`../../../${relativeToRepo}`, import.meta.url));
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [preact()],
    build: { write: false, minify: false, lib: { entry, formats: ['iife'], name: globalName } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const files = outputs[0]?.output ?? [];
  const chunk = files.find((file) => file.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error(`Bundling ${relativeToRepo} produced no script.`);
  const css = files.filter((file) => file.type === 'asset' && file.fileName.endsWith('.css')).map((file) => String((file as Rolldown.OutputAsset).source));
  const style = css.length ? `{ const s = document.createElement('style'); s.textContent = ${JSON.stringify(css.join('\n'))}; document.head.append(s); }` : '';
  return `${chunk.code}\nglobalThis.${globalName} = ${globalName};\n${style}`;
}
