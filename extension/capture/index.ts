// What the popup and background import for QR capture.
export { registerCapture, SCAN_COMMAND, SCAN_MENU_ID } from './register';
export { classifyQrText } from './classify';
export { findSameSecret } from './same-secret';
export { decodeImageBlob, type ImageScanOptions } from './decode-image';
export { addFinding, type AddChoice } from './add-finding';
export { takePendingScan, PENDING_SCAN_KEY, type PendingScan } from './pending-scan';
export { describeProgress, PROGRESS_KEY } from './migration-progress';
export { sessionStore } from './session-store';
export { CaptureError, type CaptureErrorCode } from './errors';
export { isCaptureFailure, type CaptureRequest, type ScanRegionResponse, type ScanTabResponse } from './messages';
export type * from './types';
