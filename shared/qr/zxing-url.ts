// Browser and extension: points ZXing at a .wasm shipped with the app (e.g. browser.runtime.getURL('/zxing_reader.wasm')).
import { configureZxing } from './zxing-engine';

export function useZxingWasmUrl(url: string): Promise<void> {
  return configureZxing(
    { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? url : prefix + path) },
    url,
  );
}
