import { useCallback, useState } from 'preact/hooks';
import type { Vault, VaultAccount } from '../../vault/index';
import { describeError, isLockedError } from '../../ui/text/describe-error';

/**
 * The accounts on screen and the status line. Every action goes through `run`: a vault found locked brings back the
 * password field, any other failure is said in the status line.
 */
export function useAccountList(vault: Pick<Vault, 'list'>, showLocked: () => void, initial: VaultAccount[]) {
  const [accounts, setAccounts] = useState<VaultAccount[]>(initial);
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
  /** Shows one changed account without reading the whole vault again (an HOTP code moving on). */
  const replace = (updated: VaultAccount) => setAccounts((list) => list.map((item) => (item.id === updated.id ? updated : item)));
  return { accounts, status, setStatus, run, reload, replace };
}
