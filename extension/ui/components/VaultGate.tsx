import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { Vault, VaultState } from '../../vault/index';
import { CreateVault } from './CreateVault';
import { UnlockForm } from './UnlockForm';
import { useLockWatch } from '../hooks/use-lock-watch';

export interface Unlocked {
  vault: Vault;
  /** Call when an operation found the vault locked (auto-lock, another page) or to lock it now. */
  showLocked(): void;
  lockNow(): Promise<void>;
}

/** Shows first-run setup, the unlock form, or the unlocked content, whichever the vault's state calls for. */
export function VaultGate({ vault, children }: { vault: Vault; children: (unlocked: Unlocked) => ComponentChildren }) {
  const [state, setState] = useState<VaultState | 'loading'>('loading');

  const refresh = useCallback(async () => {
    // Opening a page counts as use only after the idle check, so an expired session locks first.
    await vault.lockIfIdle();
    const current = await vault.state();
    if (current === 'unlocked') await vault.touch();
    setState(current);
  }, [vault]);

  useEffect(() => { void refresh(); }, [refresh]);

  const showLocked = useCallback(() => setState('locked'), []);
  useLockWatch(vault, state === 'unlocked', showLocked);
  const lockNow = useCallback(async () => {
    await vault.lock();
    setState('locked');
  }, [vault]);

  if (state === 'loading') return <p class="loading" aria-busy="true">Opening…</p>;
  if (state === 'empty') return <CreateVault onCreated={() => void refresh()} />;
  if (state === 'locked') return <UnlockForm vault={vault} onUnlocked={() => setState('unlocked')} />;
  return <>{children({ vault, showLocked, lockNow })}</>;
}
