// Shapes shared by the importers and the preview the UI shows before anything is added.
import type { OtpAccount } from '#shared/otp/index.ts';

export type ImportFormat = 'otpauth-list' | 'google-migration' | 'aegis' | 'aegis-encrypted' | '2fas' | 'tessera-backup';

/** An account read from a file; Tessera's own backups also carry where it fills and whether it is pinned. */
export type ImportedAccount = OtpAccount & { sites?: string[]; pinned?: boolean };

export interface RefusedEntry {
  /** Which one, in words a person can find in the file: "line 3", "entry 'GitHub: bob'". */
  entry: string;
  reason: string;
}

export interface ImportPreview {
  format: ImportFormat;
  accounts: (ImportedAccount & { duplicate: boolean })[];
  refused: RefusedEntry[];
}

/** What one importer found, before duplicates are marked. */
export interface ImportResult {
  format: ImportFormat;
  accounts: ImportedAccount[];
  refused: RefusedEntry[];
}

export interface ImportOptions {
  password?: string;
  existing?: OtpAccount[];
}
