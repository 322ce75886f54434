// The QR decoder, safe for the browser, the extension's worker and Node alike.
// Node callers also import loadZxingForNode from './zxing-node' and readImageFile from './read-image'.
export { decodeQrCodes, decodeQrRegion, DEFAULT_BUDGET_MS } from './decode';
export { QrError, type QrErrorCode } from './errors';
export { useZxingWasmUrl } from './zxing-url';
export type { QrDecodeOptions, QrDecodeResult, Rect, RgbaImage } from './types';
