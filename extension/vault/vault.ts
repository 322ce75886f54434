// openVault(): the vault as the popup, options page and background see it.
import { addAccounts, listAccounts, nextHotpCounter, reorderAccounts, removeAccount, updateAccount } from './accounts';
import { createContext } from './context';
import {
  changeVaultPassword, createVault, lockVault, lockVaultIfIdle, readSettings, readState, touchVault, unlockVault, updateSettings,
} from './lifecycle';
import { enrolPasskey, readPasskey, removePasskey, unlockWithPasskey } from './passkey';
import { openVaultSession } from './open';
import { listSnapshots, rollBackTo } from './snapshots';
import type { Vault, VaultDeps } from './types';

export function openVault(deps: VaultDeps = {}): Vault {
  const ctx = createContext(deps);
  return {
    state: () => readState(ctx),
    open: (options) => openVaultSession(ctx, options),
    create: (password) => createVault(ctx, password),
    unlock: (password) => unlockVault(ctx, password),
    lock: () => lockVault(ctx),
    list: () => listAccounts(ctx),
    add: (accounts) => addAccounts(ctx, accounts),
    update: (id, patch) => updateAccount(ctx, id, patch),
    remove: (id) => removeAccount(ctx, id),
    reorder: (ids) => reorderAccounts(ctx, ids),
    nextHotp: (id) => nextHotpCounter(ctx, id),
    changePassword: (oldPassword, newPassword) => changeVaultPassword(ctx, oldPassword, newPassword),
    passkey: () => readPasskey(ctx),
    enrolPasskey: (password, createPasskey) => enrolPasskey(ctx, password, createPasskey),
    unlockWithPasskey: (prfOutput) => unlockWithPasskey(ctx, prfOutput),
    removePasskey: (password) => removePasskey(ctx, password),
    touch: () => touchVault(ctx),
    lockIfIdle: (now) => lockVaultIfIdle(ctx, now ?? ctx.now()),
    getSettings: () => readSettings(ctx),
    setSettings: (patch) => updateSettings(ctx, patch),
    snapshots: () => listSnapshots(ctx),
    rollBack: (snapshotId) => rollBackTo(ctx, snapshotId),
  };
}
