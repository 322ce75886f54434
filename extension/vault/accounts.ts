// Account operations on an unlocked vault. Encryption happens before a transaction opens (an IndexedDB transaction
// closes while WebCrypto works), then all writes of one change go into that single transaction.
import type { AccountRecord, SnapshotReason } from './db';
import { snapshotWithin } from './snapshots';
import { requireKey, type UnlockedKey, type VaultContext } from './context';
import { VaultError } from './errors';
import { openAccount, sealAccount } from './records';
import type { AccountPatch, NewAccount, VaultAccount } from './types';

// A change writes its records and the snapshot of what it replaces in one transaction.
const CHANGE_STORES = ['meta', 'accounts', 'snapshots'] as const;

// The site rules load the public suffix list: changes need them, reading the list of codes does not.
const loadValidation = () => import('./validate');

export async function listAccounts(ctx: VaultContext): Promise<VaultAccount[]> {
  return readAll(ctx, await requireKey(ctx));
}

export async function addAccounts(ctx: VaultContext, inputs: NewAccount[]): Promise<VaultAccount[]> {
  if (!Array.isArray(inputs)) throw new VaultError('invalid_account', 'Give a list of accounts to add.');
  // Every account is checked before anything is written: one bad entry refuses the whole batch.
  const { validateAccount } = await loadValidation();
  const valid = inputs.map((input, i) => validateAccount(input, inputs.length > 1 ? `Account ${i + 1}` : undefined));
  const unlocked = await requireKey(ctx);
  const existing = await readAll(ctx, unlocked);
  const firstOrder = existing.reduce((max, a) => Math.max(max, a.order + 1), 0);
  const now = ctx.now();
  const added = valid.map((v, i): VaultAccount => ({
    ...v.otp, id: ctx.newId(), sites: v.sites, pinned: v.pinned, order: firstOrder + i, createdAt: now, updatedAt: now,
  }));
  const records = await Promise.all(added.map((account) => sealAccount(unlocked.key, unlocked.vaultId, account)));
  const tx = (await ctx.db()).transaction(CHANGE_STORES, 'readwrite');
  await snapshotWithin(tx, 'add', now);
  const store = tx.objectStore('accounts');
  // `add`, not `put`: an id already taken fails the request, which aborts the transaction and writes nothing.
  await Promise.all([...records.map((record) => store.add(record)), tx.done]);
  return added;
}

export async function updateAccount(ctx: VaultContext, id: string, patch: AccountPatch): Promise<VaultAccount> {
  return mutateAccount(ctx, id, 'update', (account) => applyPatch(account, patch, ctx.now()));
}

export async function nextHotpCounter(ctx: VaultContext, id: string): Promise<VaultAccount> {
  return mutateAccount(ctx, id, 'counter', (account) => {
    return applyPatch(account, { counter: account.counter + 1 }, ctx.now());
  });
}

export async function removeAccount(ctx: VaultContext, id: string): Promise<void> {
  await requireKey(ctx);
  const tx = (await ctx.db()).transaction(CHANGE_STORES, 'readwrite');
  const store = tx.objectStore('accounts');
  if (!(await store.get(id))) {
    await tx.done;
    throw notFound();
  }
  await snapshotWithin(tx, 'remove', ctx.now());
  await Promise.all([store.delete(id), tx.done]);
}

export async function reorderAccounts(ctx: VaultContext, ids: string[]): Promise<void> {
  const unlocked = await requireKey(ctx);
  const accounts = await readAll(ctx, unlocked);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  if (!Array.isArray(ids) || ids.some((id) => !byId.has(id))) throw notFound();
  // The listed accounts come first, in the given order; any not listed keep their relative order after them.
  const listed = [...new Set(ids)].map((id) => byId.get(id)!);
  const rest = accounts.filter((a) => !ids.includes(a.id)).sort((a, b) => a.order - b.order);
  const changed = [...listed, ...rest].map((a, order) => ({ ...a, order })).filter((a) => a.order !== byId.get(a.id)!.order);
  const records = await Promise.all(changed.map((a) => sealAccount(unlocked.key, unlocked.vaultId, a)));
  const tx = (await ctx.db()).transaction(CHANGE_STORES, 'readwrite');
  if (records.length > 0) await snapshotWithin(tx, 'reorder', ctx.now());
  const store = tx.objectStore('accounts');
  await Promise.all([...records.map((record) => store.put(record)), tx.done]);
}

async function readAll(ctx: VaultContext, unlocked: UnlockedKey): Promise<VaultAccount[]> {
  return openAll(unlocked, await (await ctx.db()).getAll('accounts'));
}

/** Every account of these records, decrypted, in list order (pinned first). */
export async function openAll(unlocked: UnlockedKey, records: AccountRecord[]): Promise<VaultAccount[]> {
  const accounts = await Promise.all(records.map((record) => openAccount(unlocked.key, unlocked.vaultId, record)));
  return accounts.sort((a, b) => Number(b.pinned) - Number(a.pinned) || a.order - b.order || a.createdAt - b.createdAt);
}

/** Read, change, write back, unless another page changed the same record meanwhile: then start again from its version. */
async function mutateAccount(ctx: VaultContext, id: string, reason: SnapshotReason, change: (a: VaultAccount) => Promise<VaultAccount>): Promise<VaultAccount> {
  const unlocked = await requireKey(ctx);
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = await (await ctx.db()).get('accounts', id);
    if (!before) throw notFound();
    const next = await change(await openAccount(unlocked.key, unlocked.vaultId, before));
    const record = await sealAccount(unlocked.key, unlocked.vaultId, next);
    if (await writeIfUnchanged(ctx, before, record, reason)) return next;
  }
  throw new VaultError('changed_elsewhere', 'The account keeps changing elsewhere while saving: close other Tessera windows and try again.');
}

async function writeIfUnchanged(ctx: VaultContext, before: AccountRecord, record: AccountRecord, reason: SnapshotReason): Promise<boolean> {
  const tx = (await ctx.db()).transaction(CHANGE_STORES, 'readwrite');
  const store = tx.objectStore('accounts');
  const current = await store.get(before.id);
  if (!current) {
    await tx.done;
    throw notFound();
  }
  if (!sameIv(current.iv, before.iv)) {
    await tx.done;
    return false;
  }
  await snapshotWithin(tx, reason, ctx.now());
  await Promise.all([store.put(record), tx.done]);
  return true;
}

async function applyPatch(account: VaultAccount, patch: AccountPatch, now: number): Promise<VaultAccount> {
  if (patch?.counter !== undefined && account.type !== 'hotp') {
    throw new VaultError('invalid_account', 'Only HOTP accounts have a counter; this one is time-based (TOTP).');
  }
  const merged = { ...account, ...pickPatch(patch) };
  const { validateAccount } = await loadValidation();
  const valid = validateAccount(merged);
  return { ...account, ...valid.otp, sites: valid.sites, pinned: valid.pinned, updatedAt: now };
}

function pickPatch(patch: AccountPatch): AccountPatch {
  const allowed: (keyof AccountPatch)[] = ['issuer', 'account', 'sites', 'pinned', 'counter'];
  return Object.fromEntries(allowed.filter((k) => patch?.[k] !== undefined).map((k) => [k, patch[k]]));
}

function sameIv(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function notFound(): VaultError {
  return new VaultError('not_found', 'No such account: it may have been removed in another window.');
}
