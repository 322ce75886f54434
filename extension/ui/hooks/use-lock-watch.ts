import { useEffect } from 'preact/hooks';
import type { Vault } from '../../vault/index';
import { watchArea } from '../../storage/browser-area';

// How often an open page re-checks the idle time by itself; the background alarm only runs once a minute.
const CHECK_EVERY_MS = 15_000;

/**
 * Calls onLocked when the vault stops being unlocked while this page is open: locked elsewhere (another page,
 * the background's auto-lock) or idle for longer than the auto-lock time.
 */
export function useLockWatch(vault: Pick<Vault, 'lockIfIdle' | 'state'>, active: boolean, onLocked: () => void): void {
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    const check = async () => {
      await vault.lockIfIdle();
      if (!stopped && (await vault.state()) !== 'unlocked') onLocked();
    };
    const onChanged = () => void check().catch(() => undefined);
    // The unlocked key lives in the session area: any change there may be a lock.
    const unwatch = watchArea('session', onChanged);
    const timer = setInterval(onChanged, CHECK_EVERY_MS);
    return () => {
      stopped = true;
      unwatch();
      clearInterval(timer);
    };
  }, [vault, active, onLocked]);
}
