import { useMemo, useState } from 'preact/hooks';
import type { OtpAccount } from '#shared/otp/index.ts';
import type { VaultAccount } from '../../vault/index';
import { createAccountActions } from '../../ui/accounts/account-actions';
import { createCodeCache } from '../../ui/accounts/code-cache';
import { filterAccounts, orderForPage } from '../../ui/accounts/filter-accounts';
import { useNow } from '../../ui/hooks/use-now';
import { isLockedError } from '../../ui/text/describe-error';
import type { Unlocked } from '../../ui/components/VaultGate';
import type { RowActions } from '../../ui/components/AccountRow';
import { AccountList } from '../../ui/components/AccountList';
import { Toolbar } from '../../ui/components/Toolbar';
import { EmptyState } from '../../ui/components/EmptyState';
import { AddAccountForm } from '../../ui/components/AddAccountForm';
import type { AccountPatch } from '../../ui/components/EditAccountForm';
import { later } from '../../ui/components/later';
import { ConfirmDelete } from '../../ui/components/ConfirmDelete';
import { useAccountList } from './use-account-list';
import { useListKeys } from './use-account-keys';
import { useDragReorder } from './use-drag-reorder';
import { usePerfMarks } from './use-perf-marks';
import { usePageTools } from './use-page-tools';
import { createImageDropHandlers } from './use-image-drop';
import { PagePanels } from './PagePanels';
import { useClock } from './use-clock';
import { useBackupReminder } from './use-backup-reminder';
import { BackupReminder } from '../../ui/components/BackupReminder';
import { ClockBanner } from '../../ui/components/ClockBanner';

type View = { kind: 'list' } | { kind: 'add' } | { kind: 'edit'; account: VaultAccount } | { kind: 'delete'; account: VaultAccount };

const EditAccountForm = later(() => import('../../ui/components/EditAccountForm').then((module) => module.EditAccountForm));

// Relative to popup.html: the options page sits next to it in the extension's root.
const optionsUrl = 'options.html';

/** The unlocked popup: toolbar, account list (or empty state), and the add, edit and delete panels. */
export function AccountsView({ vault, initialAccounts, showLocked, lockNow }: Unlocked) {
  const { accounts, status, setStatus, run, reload, replace } = useAccountList(vault, showLocked, initialAccounts);
  // null while accounts that could not be read are read again (the status line says why).
  const list = accounts ?? [];
  const actions = useMemo(() => createAccountActions(vault), [vault]);
  const [query, setQuery] = useState('');
  const [view, setView] = useState<View>({ kind: 'list' });
  const tick = useNow();
  const codes = useMemo(() => createCodeCache(), []);
  const { page, scanner, pending, filler } = usePageTools(vault, run, setStatus);
  const pageSite = page?.site ?? null;
  // With many accounts, the ones bound to the page come first.
  const shown = useMemo(() => orderForPage(filterAccounts(list, query), pageSite), [accounts, query, pageSite]);
  const clock = useClock(page);
  const reminder = useBackupReminder(accounts);
  // Codes, countdowns and fills follow the clock as corrected (when the user agreed to correct it).
  const now = tick + clock.correctionSeconds;
  usePerfMarks(now);

  const showList = (message?: string) => { setView({ kind: 'list' }); if (message) setStatus(message); };
  const copy = (account: VaultAccount, code: string) => run(async () => setStatus(await actions.copy(account, code)));
  const move = (movedId: string, targetId: string) => run(async () => { await actions.move(list, movedId, targetId); await reload(); });
  const keys = useListKeys(shown, {
    onMove: (moved, target) => void move(moved.id, target.id),
    onCopy: (account) => void copy(account, codes.codeFor(account, now)),
    onClear: () => { if (!query) return false; setQuery(''); return true; },
  });
  const drag = useDragReorder((movedId, targetId) => void move(movedId, targetId));

  const rowActions: RowActions = {
    onCopy: (account, code) => void copy(account, code),
    onNext: (account) => void run(async () => replace(await actions.next(account))),
    onPin: (account) => void run(async () => { await actions.togglePin(account); await reload(); }),
    onEdit: (account) => setView({ kind: 'edit', account }),
    onDelete: (account) => setView({ kind: 'delete', account }),
    onKey: keys.onRowKey,
    // Not confirmed: an account not bound to the page gets the warning first.
    onFill: (account, code) => void filler.fill(account, code, null),
    ...drag,
  };
  // The add and edit forms show their own errors; a vault found locked brings back the password field.
  const fromForm = async (change: () => Promise<string>) => {
    let message: string;
    try {
      message = await change();
    } catch (error) {
      if (isLockedError(error)) return showLocked();
      throw error;
    }
    await reload();
    showList(message);
  };
  const add = (account: OtpAccount) => fromForm(() => actions.add(account));
  const save = (account: VaultAccount, patch: AccountPatch) => fromForm(() => actions.save(account, patch));
  const remove = (account: VaultAccount) => run(async () => { const message = await actions.remove(account); await reload(); showList(message); });

  // A scan result, a fill warning or a notice takes the place of the list until it is dealt with.
  const pagePanel = scanner.scan.kind !== 'idle' || filler.warning !== null;
  const listView = view.kind === 'list' && !pagePanel;

  return (
    <div class="popup" {...createImageDropHandlers(scanner.scanImage)}>
      <Toolbar query={query} searchRef={keys.searchRef} optionsUrl={optionsUrl} onQuery={setQuery} onSearchKey={keys.onSearchKey}
        onAdd={() => { scanner.close(); setView({ kind: 'add' }); }} onScan={() => { setView({ kind: 'list' }); void scanner.scanPage(); }}
        onLock={() => void lockNow()} />
      <ClockBanner advice={clock.advice} onCorrect={(offsetMs) => void run(() => clock.correct(offsetMs))}
        onStop={() => void run(clock.stopCorrecting)} onDismiss={clock.dismiss} />
      <PagePanels vault={vault} actions={actions} scanner={scanner} filler={filler} notice={pending.notice} onDismissNotice={pending.dismissNotice}
        accounts={list} codeFor={(account) => codes.codeFor(account, now)} run={run} reload={reload} setStatus={setStatus} />
      {view.kind === 'add' && !pagePanel && <AddAccountForm existing={list} onAdd={add} onImage={(file) => { setView({ kind: 'list' }); void scanner.scanImage(file); }} onCancel={() => showList()} />}
      {view.kind === 'edit' && !pagePanel && <EditAccountForm account={view.account} onSave={(patch) => save(view.account, patch)} onCancel={() => showList()} />}
      {view.kind === 'delete' && !pagePanel && <ConfirmDelete account={view.account} onConfirm={() => void remove(view.account)} onCancel={() => showList()} />}
      {listView && accounts !== null && accounts.length === 0 && <EmptyState onAdd={() => setView({ kind: 'add' })} onScan={() => void scanner.scanPage()} optionsUrl={optionsUrl} />}
      {listView && reminder.count > 0 && <BackupReminder count={reminder.count} optionsUrl={optionsUrl} onDismiss={() => void run(reminder.dismiss)} />}
      {listView && accounts !== null && accounts.length > 0 && shown.length === 0 && <p class="no-match">No account matches “{query}”.</p>}
      {listView && shown.length > 0 && (
        <AccountList accounts={shown} now={now} codes={codes} activeIndex={keys.focus.index} focusSeq={keys.focus.seq} actions={rowActions} pageSite={page?.site ?? null} />
      )}
      <p class="status" role="status">{status}</p>
    </div>
  );
}
