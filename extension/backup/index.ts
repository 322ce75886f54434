// Import and export: what the popup and options pages call. Nothing here writes to the vault; the UI adds
// `preview.accounts.filter((a) => !a.duplicate)` with vault.add() in one transaction.
export { parseImport, refuseOversized } from './import';
export { decodeImportFile } from './import-file';
export { exportTesseraBackup, exportOtpauthList, exportMigrationQrPayloads } from './export';
export { BackupError, type BackupErrorCode } from './errors';
export type { ImportFormat, ImportPreview, ImportOptions, ImportedAccount, RefusedEntry } from './types';
