import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Vault, VaultAccount } from '../../vault/index';
import { describeError, isLockedError } from '../../ui/text/describe-error';

/**
 * The accounts on screen and the status line. Every action goes through `run`: a vault found locked brings back the
 * password field, any other failure is said in the status line.
 */
export function useAccountList(vault: Pick<Vault, 'list'>, showLocked: () => void, initial: VaultAccount[] | null) {
  const [accounts, setAccounts] = useState<VaultAccount[] | null>(initial);
  const [status, setStatus] = useState('');
  const run = useCallback(async (action: () => Promise<void>) => {
    try {
      await action();
    } catch (error) {
      if (isLockedError(error)) return showLocked();
      setStatus(describeError(error));
    }
  }, [showLocked]);
  const reload = useCallback(() => run(async () => setAccounts(await vault.list())), [run, vault]);
  // Accounts the opening could not read: reading them again puts the reason in the status line.
  useEffect(() => { if (initial === null) void reload(); }, []);
  /** Shows one changed account without reading the whole vault again (an HOTP code moving on). */
  const replace = (updated: VaultAccount) => setAccounts((list) => list && list.map((item) => (item.id === updated.id ? updated : item)));
  return { accounts, status, setStatus, run, reload, replace };
}
