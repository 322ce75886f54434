// What the popup and background import for QR capture.
export { registerCapture } from './register';
export { classifyQrText } from './classify';
export { decodeImageBlob, type ImageScanOptions } from './decode-image';
export { addFinding, type AddChoice } from './add-finding';
export { takePendingScan, type PendingScan } from './pending-scan';
export { describeProgress } from './migration-progress';
export { CaptureError, type CaptureErrorCode } from './errors';
export { isCaptureFailure, type ScanRegionResponse, type ScanTabResponse } from './responses';
export type * from './types';
