import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { OpenOptions, Vault, VaultAccount, VaultOpening } from '../../vault/index';
import { CreateVault } from './CreateVault';
import { UnlockForm } from './UnlockForm';
import { useLockWatch } from '../hooks/use-lock-watch';

export interface Unlocked {
  vault: Vault;
  /** The accounts as the vault opened with them, so the first screen needs no second read; null if unreadable. */
  initialAccounts: VaultAccount[] | null;
  /** Call when an operation found the vault locked (auto-lock, another page) or to lock it now. */
  showLocked(): void;
  lockNow(): Promise<void>;
}

type Shown = VaultOpening | { state: 'loading' };

/** Opens the vault as a page's script starts, before its first render, for VaultGate's `opening`. */
export function startOpening(vault: Vault, options?: OpenOptions): Promise<VaultOpening> {
  const opening = vault.open(options);
  // VaultGate reads the outcome, failures included; this only keeps an early failure from being reported as unhandled.
  opening.catch(() => undefined);
  return opening;
}

/** Shows first-run setup, the unlock form, or the unlocked content, whichever the vault's state calls for. */
export function VaultGate({ vault, opening: started, children }: {
  vault: Vault;
  /** The vault's opening if the page started it before its first render (the popup does, as its script starts). */
  opening?: Promise<VaultOpening>;
  children: (unlocked: Unlocked) => ComponentChildren;
}) {
  // Started no later than the first render rather than after the first paint: the codes come up as soon as storage answers.
  const [opening, setOpening] = useState(() => started ?? vault.open());
  const [shown, setShown] = useState<Shown>({ state: 'loading' });

  useEffect(() => {
    let current = true;
    // A vault that cannot be read shows the unlock form, whose attempt then says what is wrong.
    opening.then((next) => current && setShown(next), () => current && setShown({ state: 'locked' }));
    return () => { current = false; };
  }, [opening]);

  const reopen = useCallback(() => setOpening(vault.open()), [vault]);
  const showLocked = useCallback(() => setShown({ state: 'locked' }), []);
  useLockWatch(vault, shown.state === 'unlocked', showLocked);
  const lockNow = useCallback(async () => {
    await vault.lock();
    setShown({ state: 'locked' });
  }, [vault]);

  if (shown.state === 'loading') return <p class="loading" aria-busy="true">Opening…</p>;
  if (shown.state === 'empty') return <CreateVault onCreated={reopen} />;
  if (shown.state === 'locked') return <UnlockForm vault={vault} onUnlocked={reopen} />;
  return <>{children({ vault, initialAccounts: shown.accounts, showLocked, lockNow })}</>;
}
