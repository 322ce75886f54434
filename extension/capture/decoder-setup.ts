// Points the shared QR decoder at the WebAssembly shipped inside the extension, once per page or worker.
import { browser } from 'wxt/browser';
import { useZxingWasmUrl } from '#shared/qr/index.ts';

let ready: Promise<void> | undefined;

// WXT types getURL against the generated list of public paths, which a plain `tsc` run does not load.
const runtime = browser.runtime as unknown as { getURL(path: string): string };

export function ensureDecoder(): Promise<void> {
  ready ??= useZxingWasmUrl(runtime.getURL('/zxing_reader.wasm'));
  return ready;
}
