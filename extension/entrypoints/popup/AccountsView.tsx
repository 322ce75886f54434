import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { OtpAccount } from '#shared/otp/index.ts';
import type { VaultAccount } from '../../vault/index';
import { getVault } from '../../vault/extension-vault';
import { createCodeCache } from '../../ui/code-cache';
import { filterAccounts, moveAccount, orderForPage } from '../../ui/filter-accounts';
import { formatAccountLabel } from '../../ui/format-code';
import { copyCode } from '../../clipboard/copy-code';
import { describeError, isLockedError } from '../../ui/describe-error';
import { useNow } from '../../ui/use-now';
import type { Unlocked } from '../../ui/components/VaultGate';
import type { RowActions } from '../../ui/components/AccountRow';
import { AccountList } from '../../ui/components/AccountList';
import { Toolbar } from '../../ui/components/Toolbar';
import { EmptyState } from '../../ui/components/EmptyState';
import { AddAccountForm } from '../../ui/components/AddAccountForm';
import { EditAccountForm, type AccountPatch } from '../../ui/components/EditAccountForm';
import { ConfirmDelete } from '../../ui/components/ConfirmDelete';
import { navigationFor, useSearchShortcut } from './use-account-keys';
import { usePerfMarks } from './use-perf-marks';
import { usePageTools } from './use-page-tools';
import { createImageDropHandlers } from './use-image-drop';
import { PagePanels } from './PagePanels';
import { useClock } from './use-clock';
import { useBackupReminder } from './use-backup-reminder';
import { BackupReminder } from '../../ui/components/BackupReminder';
import { ClockBanner } from '../../ui/components/ClockBanner';

type View = { kind: 'list' } | { kind: 'add' } | { kind: 'edit'; account: VaultAccount } | { kind: 'delete'; account: VaultAccount };

// Relative to popup.html: the options page sits next to it in the extension's root.
const optionsUrl = 'options.html';

/** The unlocked popup: toolbar, account list (or empty state), and the add, edit and delete panels. */
export function AccountsView({ showLocked, lockNow }: Unlocked) {
  const [accounts, setAccounts] = useState<VaultAccount[] | null>(null);
  const [query, setQuery] = useState('');
  const [view, setView] = useState<View>({ kind: 'list' });
  const [status, setStatus] = useState('');
  const [focus, setFocus] = useState({ index: -1, seq: 0 });
  const tick = useNow();
  const codes = useMemo(() => createCodeCache(), []);
  const searchRef = useRef<HTMLInputElement>(null);
  const dragged = useRef<string | null>(null);
  useSearchShortcut(searchRef);

  const run = useCallback(async (action: () => Promise<void>) => {
    try {
      await action();
    } catch (error) {
      if (isLockedError(error)) return showLocked();
      setStatus(describeError(error));
    }
  }, [showLocked]);
  const reload = useCallback(() => run(async () => setAccounts(await getVault().list())), [run]);
  useEffect(() => { void reload(); }, [reload]);
  const { page, scanner, pending, filler } = usePageTools(accounts, run, setStatus);
  const pageSite = page?.site ?? null;
  // With many accounts, the ones bound to the page come first.
  const shown = useMemo(() => orderForPage(filterAccounts(accounts ?? [], query), pageSite), [accounts, query, pageSite]);
  const clock = useClock(page);
  const reminder = useBackupReminder(accounts);
  // Codes, countdowns and fills follow the clock as corrected (when the user agreed to correct it).
  const now = tick + clock.correctionSeconds;
  usePerfMarks(accounts !== null, now);

  const focusRow = (index: number) => setFocus({ index, seq: focus.seq + 1 });
  const reorder = (ids: string[]) => run(async () => { await getVault().reorder(ids); await reload(); });

  const actions: RowActions = {
    onCopy: (account, code) => run(async () => {
      await copyCode(code);
      setStatus(`Copied the code for ${formatAccountLabel(account)}. The clipboard is cleared in 30 seconds.`);
      await getVault().touch();
    }),
    onNext: (account) => run(async () => {
      const updated = await getVault().nextHotp(account.id);
      setAccounts((list) => list && list.map((item) => (item.id === updated.id ? updated : item)));
    }),
    onPin: (account) => run(async () => { await getVault().update(account.id, { pinned: !account.pinned }); await reload(); }),
    onEdit: (account) => setView({ kind: 'edit', account }),
    onDelete: (account) => setView({ kind: 'delete', account }),
    onKey: (index, event) => {
      const step = navigationFor(event, index, shown.length);
      if (!step) return;
      event.preventDefault();
      if (step.kind === 'search') return searchRef.current?.focus();
      if (step.kind === 'focus') return focusRow(step.index);
      const neighbour = shown[index + step.by];
      if (!neighbour || !accounts) return;
      focusRow(index + step.by);
      void reorder(moveAccount(accounts.map((item) => item.id), shown[index].id, neighbour.id));
    },
    // Not confirmed: an account not bound to the page gets the warning first.
    onFill: (account, code) => void filler.fill(account, code, null),
    onDragStart: (account) => { dragged.current = account.id; },
    onDrop: (target) => {
      const moved = dragged.current;
      dragged.current = null;
      if (moved && accounts) void reorder(moveAccount(accounts.map((item) => item.id), moved, target.id));
    },
  };

  const onSearchKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' && shown.length > 0) { event.preventDefault(); focusRow(0); }
    if (event.key === 'Enter' && shown.length > 0) actions.onCopy(shown[0], codes.codeFor(shown[0], now));
    if (event.key === 'Escape' && query) { event.preventDefault(); setQuery(''); }
  };

  const add = async (account: OtpAccount) => {
    try {
      await getVault().add([account]);
    } catch (error) {
      if (isLockedError(error)) return showLocked();
      throw error;
    }
    await reload();
    setView({ kind: 'list' });
    setStatus(`Added ${formatAccountLabel(account)}.`);
  };
  const save = async (account: VaultAccount, patch: AccountPatch) => {
    await getVault().update(account.id, patch);
    await reload();
    setView({ kind: 'list' });
    setStatus(`Saved ${formatAccountLabel(patch)}.`);
  };
  const remove = (account: VaultAccount) => run(async () => {
    await getVault().remove(account.id);
    await reload();
    setView({ kind: 'list' });
    setStatus(`Deleted ${formatAccountLabel(account)}.`);
  });

  // A scan result, a fill warning or a notice takes the place of the list until it is dealt with.
  const pagePanel = scanner.scan.kind !== 'idle' || filler.warning !== null;
  const listView = view.kind === 'list' && !pagePanel;

  return (
    <div class="popup" {...createImageDropHandlers(scanner.scanImage)}>
      <Toolbar query={query} searchRef={searchRef} optionsUrl={optionsUrl} onQuery={setQuery} onSearchKey={onSearchKey}
        onAdd={() => { scanner.close(); setView({ kind: 'add' }); }} onScan={() => { setView({ kind: 'list' }); void scanner.scanPage(); }}
        onLock={() => void lockNow()} />
      <ClockBanner advice={clock.advice} onCorrect={(offsetMs) => void run(() => clock.correct(offsetMs))}
        onStop={() => void run(clock.stopCorrecting)} onDismiss={clock.dismiss} />
      <PagePanels scanner={scanner} filler={filler} notice={pending.notice} onDismissNotice={pending.dismissNotice}
        accounts={accounts ?? []} codeFor={(account) => codes.codeFor(account, now)} run={run} reload={reload} setStatus={setStatus} />
      {view.kind === 'add' && !pagePanel && <AddAccountForm existing={accounts ?? []} onAdd={add} onImage={(file) => { setView({ kind: 'list' }); void scanner.scanImage(file); }} onCancel={() => setView({ kind: 'list' })} />}
      {view.kind === 'edit' && !pagePanel && <EditAccountForm account={view.account} onSave={(patch) => save(view.account, patch)} onCancel={() => setView({ kind: 'list' })} />}
      {view.kind === 'delete' && !pagePanel && <ConfirmDelete account={view.account} onConfirm={() => void remove(view.account)} onCancel={() => setView({ kind: 'list' })} />}
      {listView && accounts !== null && accounts.length === 0 && <EmptyState onAdd={() => setView({ kind: 'add' })} onScan={() => void scanner.scanPage()} optionsUrl={optionsUrl} />}
      {listView && reminder.count > 0 && <BackupReminder count={reminder.count} optionsUrl={optionsUrl} onDismiss={() => void run(reminder.dismiss)} />}
      {listView && accounts !== null && accounts.length > 0 && shown.length === 0 && <p class="no-match">No account matches “{query}”.</p>}
      {listView && shown.length > 0 && (
        <AccountList accounts={shown} now={now} codes={codes} activeIndex={focus.index} focusSeq={focus.seq} actions={actions} pageSite={page?.site ?? null} />
      )}
      <p class="status" role="status">{status}</p>
    </div>
  );
}
