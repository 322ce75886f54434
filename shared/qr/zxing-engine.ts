// The one place that talks to zxing-wasm. Its module is only ever set up from a local binary:
// left unconfigured, zxing-wasm would fetch the .wasm from a CDN, which neither Node here nor an extension may do.
import { prepareZXingModule, readBarcodes, type ReaderOptions, type ZXingModuleOverrides } from 'zxing-wasm/reader';
import { QrError } from './errors';
import type { FoundCode, RgbaImage } from './types';

let ready: Promise<void> | undefined;
let source = '';

/** Starts loading the module with the given overrides; decoding waits for it. */
export function configureZxing(overrides: ZXingModuleOverrides, describedAs: string): Promise<void> {
  source = describedAs;
  ready = prepareZXingModule({ overrides, fireImmediately: true }).then(() => undefined);
  ready.catch(() => undefined); // reported when a decode awaits it, not as an unhandled rejection
  return ready;
}

async function awaitZxing(): Promise<void> {
  if (!ready) {
    throw new QrError('decoder_not_ready', 'The QR decoder is not set up: call loadZxingForNode() (Node) or useZxingWasmUrl(url) (extension) first.');
  }
  try {
    await ready;
  } catch (error) {
    throw new QrError('decoder_unavailable', `The QR decoder's WebAssembly could not be loaded from ${source}: check that the file is shipped there.`, { cause: error });
  }
}

// tryRotate only matters to linear barcodes. (returnErrors would also outline codes ZXing found but could not decode;
// measured, on text it outlines several such "codes" a frame, so the finder-pattern scan decides where to look instead.)
const FRAME_OPTIONS: ReaderOptions = {
  formats: ['QRCode'],
  tryHarder: true,
  tryInvert: true,
  tryDownscale: true,
  tryRotate: false,
  maxNumberOfSymbols: 8,
};

// Without ZXing's own downscaled reads: for regions scaled up on purpose (scaling them down again would undo it).
const FULL_SIZE_OPTIONS: ReaderOptions = { ...FRAME_OPTIONS, tryDownscale: false };

/** Reads every QR code ZXing finds; positions are in the image's own pixels. */
export async function readWithZxing(image: RgbaImage, { downscale }: { downscale: boolean }): Promise<FoundCode[]> {
  await awaitZxing();
  // zxing-wasm accepts anything shaped like ImageData ({ data, width, height }).
  const results = await readBarcodes(image as unknown as ImageData, downscale ? FRAME_OPTIONS : FULL_SIZE_OPTIONS);
  return results
    .filter((result) => result.isValid && result.text.length > 0)
    .map((result) => {
      const { topLeft, topRight, bottomLeft, bottomRight } = result.position;
      const xs = [topLeft.x, topRight.x, bottomLeft.x, bottomRight.x];
      const ys = [topLeft.y, topRight.y, bottomLeft.y, bottomRight.y];
      return {
        text: result.text,
        centreX: (Math.min(...xs) + Math.max(...xs)) / 2,
        centreY: (Math.min(...ys) + Math.max(...ys)) / 2,
        height: Math.max(...ys) - Math.min(...ys),
      };
    });
}
