// Bundled into the extension's service worker by the capture benchmark: the shared decoder the extension runs, and the
// baseline, so both are timed on the captured frames where the extension decodes them.
export { decodeQrCodes, useZxingWasmUrl } from '#shared/qr/index.ts';
export { popularPipeline } from './popular-pipeline';
