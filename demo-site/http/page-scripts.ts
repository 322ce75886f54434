// The pages' scripts, written in TypeScript beside the rest of the site (demo-site/page-scripts/) with the protocol's
// shared code, bundled by esbuild the first time one is asked for and served from memory under /static.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { RequestHandler } from 'express';

const SOURCE_DIR = fileURLToPath(new URL('../page-scripts/', import.meta.url));
/** Served as /static/<name>.js; the QR panels' shared module is bundled into each. */
const ENTRIES = ['site', 'qr-signin', 'qr-pairing'];

let bundles: Promise<Map<string, string>> | undefined;

export function bundlePageScripts(): Promise<Map<string, string>> {
  bundles ??= build({
    entryPoints: Object.fromEntries(ENTRIES.map((name) => [name, `${SOURCE_DIR}${name}.ts`])),
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    outdir: '/',
    logLevel: 'silent',
  }).then((result) => new Map(result.outputFiles.map((file) => [file.path.replace(/^.*\//, ''), file.text])));
  return bundles;
}

export function servePageScripts(): RequestHandler {
  return (req, res, next) => {
    const name = /^\/([a-z-]+\.js)$/.exec(req.path)?.[1];
    if (!name || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    bundlePageScripts().then((scripts) => {
      const script = scripts.get(name);
      if (script === undefined) return next();
      res.type('text/javascript').set('Cache-Control', 'public, max-age=3600').send(script);
    }, next);
  };
}
