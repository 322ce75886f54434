// The vault's public shapes, shared with the popup and options pages.
import type { OtpAccount } from '#shared/otp/index.ts';
import type { KeyValueArea } from '../storage/area';
import type { PasskeyEnrolment, PasskeyInfo } from './passkey';
import type { KdfParams } from '../crypto/kdf';
import type { SnapshotInfo } from './snapshots';

export interface VaultAccount extends OtpAccount {
  id: string;
  /** Registrable domains the code is filled on. */
  sites: string[];
  pinned: boolean;
  order: number;
  createdAt: number;
  updatedAt: number;
}

/** `pinned` is optional so a Tessera backup restores exactly; other sources leave it out. */
export type NewAccount = OtpAccount & { sites?: string[]; pinned?: boolean };

export type AccountPatch = Partial<Pick<VaultAccount, 'issuer' | 'account' | 'sites' | 'pinned' | 'counter'>>;

export interface VaultSettings {
  /** null = never lock by itself. */
  autoLockMinutes: number | null;
}

export type VaultState = 'empty' | 'locked' | 'unlocked';

/** What a page opening the vault shows: the accounts come with the state when it is unlocked (null when a record
 * could not be read: listing them again says why; or when the page did not ask for them). */
export type VaultOpening = { state: 'empty' } | { state: 'locked' } | { state: 'unlocked'; accounts: VaultAccount[] | null };

export interface OpenOptions {
  /** False for a page that shows no accounts (settings): the records are then neither read nor decrypted. */
  accounts?: boolean;
}

export interface VaultDeps {
  indexedDB?: IDBFactory;
  /** Where the unlocked key is kept: the browser's session area by default, memory in tests. */
  session?: KeyValueArea;
  now?: () => number;
  kdf?: KdfParams;
  /** Database name; lets tests and previews keep several vaults apart. */
  dbName?: string;
  newId?: () => string;
}

export interface Vault {
  state(): Promise<VaultState>;
  /** The state and, when unlocked, the accounts, in one pass (locks an expired session first; counts as a use). */
  open(options?: OpenOptions): Promise<VaultOpening>;
  create(password: string): Promise<void>;
  unlock(password: string): Promise<void>;
  lock(): Promise<void>;
  list(): Promise<VaultAccount[]>;
  add(accounts: NewAccount[]): Promise<VaultAccount[]>;
  update(id: string, patch: AccountPatch): Promise<VaultAccount>;
  remove(id: string): Promise<void>;
  reorder(ids: string[]): Promise<void>;
  nextHotp(id: string): Promise<VaultAccount>;
  /** Changes the master password; a passkey set up before is removed with the old one. */
  changePassword(oldPassword: string, newPassword: string): Promise<void>;
  /** The passkey that unlocks the vault, if one is set up (readable while locked: nothing in it is secret). */
  passkey(): Promise<PasskeyInfo | null>;
  /** Checks the password, then sets up the passkey `createPasskey` makes. */
  enrolPasskey(password: string, createPasskey: () => Promise<PasskeyEnrolment>): Promise<void>;
  unlockWithPasskey(prfOutput: Uint8Array): Promise<void>;
  removePasskey(password: string): Promise<void>;
  touch(): Promise<void>;
  lockIfIdle(now?: number): Promise<boolean>;
  getSettings(): Promise<VaultSettings>;
  setSettings(patch: Partial<VaultSettings>): Promise<void>;
  /** The copies kept from before recent changes, newest first (unlocked only). */
  snapshots(): Promise<SnapshotInfo[]>;
  /** Puts a snapshot's accounts and settings back; the vault as it was is snapshotted first. */
  rollBack(snapshotId: number): Promise<{ accounts: number }>;
}
