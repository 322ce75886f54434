// The vault's public surface: everything the popup, options page and background import.
export { openVault } from './vault';
export { VaultError, isVaultError, type VaultErrorCode } from './errors';
export { passwordStrength, MIN_PASSWORD_LENGTH, type PasswordStrength } from './strength';
export { DEFAULT_KDF, type KdfParams } from '../crypto/kdf';
export { findTwin, markTwins } from './twins';
export type { PasskeyEnrolment, PasskeyInfo } from './passkey';
export type { SnapshotInfo } from './snapshots';
export type {
  AccountPatch, NewAccount, Vault, VaultAccount, VaultDeps, VaultSettings, VaultState, VaultOpening, OpenOptions,
} from './types';
