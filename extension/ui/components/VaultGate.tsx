import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { VaultState } from '../../vault/index';
import { CreateVault } from './CreateVault';
import { UnlockForm } from './UnlockForm';
import { getVault } from '../../vault/extension-vault';
import { useLockWatch } from '../use-lock-watch';

export interface Unlocked {
  /** Call when an operation found the vault locked (auto-lock, another page) or to lock it now. */
  showLocked(): void;
  lockNow(): Promise<void>;
}

/** Shows first-run setup, the unlock form, or the unlocked content, whichever the vault's state calls for. */
export function VaultGate({ children }: { children: (unlocked: Unlocked) => ComponentChildren }) {
  const [state, setState] = useState<VaultState | 'loading'>('loading');

  const refresh = useCallback(async () => {
    const vault = getVault();
    // Opening a page counts as use only after the idle check, so an expired session locks first.
    await vault.lockIfIdle();
    const current = await vault.state();
    if (current === 'unlocked') await vault.touch();
    setState(current);
  }, []);

  useEffect(() => { void refresh(); }, [refresh]);

  const showLocked = useCallback(() => setState('locked'), []);
  useLockWatch(state === 'unlocked', showLocked);
  const lockNow = useCallback(async () => {
    await getVault().lock();
    setState('locked');
  }, []);

  if (state === 'loading') return <p class="loading" aria-busy="true">Opening…</p>;
  if (state === 'empty') return <CreateVault onCreated={() => void refresh()} />;
  if (state === 'locked') return <UnlockForm onUnlocked={() => setState('unlocked')} />;
  return <>{children({ showLocked, lockNow })}</>;
}
