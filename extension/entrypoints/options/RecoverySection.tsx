import { useCallback, useEffect, useState } from 'preact/hooks';
import type { SnapshotInfo } from '../../vault/index';
import type { Unlocked } from '../../ui/components/VaultGate';
import { ErrorText } from '../../ui/components/ErrorText';
import { describeError, isLockedError } from '../../ui/text/describe-error';
import { askPersistentStorage, type Persistence } from '../../storage/persistence';
import { MAX_SNAPSHOTS } from '../../vault/snapshots';

const BEFORE: Record<SnapshotInfo['reason'], string> = {
  add: 'before accounts were added', update: 'before an edit', remove: 'before a deletion', reorder: 'before a reordering',
  counter: 'before a counter step', upgrade: 'before Tessera was updated', rollback: 'before a rollback',
};

const PERSISTENCE: Record<Persistence, string> = {
  persistent: 'This browser keeps Tessera\'s data when the disk runs low.',
  'best-effort': 'This browser may clear Tessera\'s data when the disk runs low: keep an encrypted backup (Export, below).',
  unknown: 'This browser does not say whether it keeps Tessera\'s data when the disk runs low: keep an encrypted backup (Export, below).',
};

const when = (at: number) => new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const count = (n: number) => (n === 1 ? '1 account' : `${n} accounts`);

/** Snapshots of the vault from before recent changes, to roll back to; and whether the browser keeps the data. */
export function RecoverySection({ vault, showLocked }: Unlocked) {
  const [snapshots, setSnapshots] = useState<SnapshotInfo[] | null>(null);
  const [persistence, setPersistence] = useState<Persistence | null>(null);
  const [asked, setAsked] = useState<SnapshotInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState('');

  const fail = useCallback((caught: unknown) => (isLockedError(caught) ? showLocked() : setError(describeError(caught))), [showLocked]);
  const reload = useCallback(() => vault.snapshots().then(setSnapshots).catch(fail), [vault, fail]);
  useEffect(() => { void reload(); void askPersistentStorage().then(setPersistence); }, [reload]);

  async function rollBack(snapshot: SnapshotInfo) {
    setError(null); setDone('');
    let message = '';
    try {
      const { accounts } = await vault.rollBack(snapshot.id);
      message = `Rolled back to ${when(snapshot.takenAt)}: the vault has ${count(accounts)}.`;
    } catch (caught) {
      fail(caught);
    }
    // The list already holds the snapshot of the vault rolled away from when "Rolled back" shows.
    await reload();
    setAsked(null);
    setDone(message);
  }

  return (
    <section aria-labelledby="recovery-title" class="stack">
      <h2 id="recovery-title">Snapshots</h2>
      <p class="hint">Before each change Tessera keeps a copy of the vault as it was (the last {MAX_SNAPSHOTS}, encrypted like the vault).
        If an account vanished or Tessera says a record is damaged, roll back to the copy from before it.</p>
      {persistence && <p class="hint">{PERSISTENCE[persistence]}</p>}
      {snapshots?.length === 0 && <p>No snapshot yet: one is taken at the next change.</p>}
      {snapshots && snapshots.length > 0 && (
        <ul class="preview-list" aria-label="Snapshots">
          {snapshots.map((snapshot) => (
            <li key={snapshot.id}>
              {when(snapshot.takenAt)}, {BEFORE[snapshot.reason]}: {count(snapshot.accounts)}{' '}
              <button type="button" aria-label={`Roll back to ${when(snapshot.takenAt)}`} onClick={() => { setDone(''); setAsked(snapshot); }}>Roll back</button>
            </li>
          ))}
        </ul>
      )}
      {asked && (
        <div class="panel stack" role="alertdialog" aria-labelledby="rollback-title">
          <p id="rollback-title" class="warning">Roll back to {when(asked.takenAt)} ({count(asked.accounts)})? Changes made since are undone.
            The vault as it is now is kept as a snapshot, so this can be undone too. The master password stays as it is.</p>
          <div class="buttons" style={{ justifyContent: 'flex-start' }}>
            <button type="button" class="danger" onClick={() => void rollBack(asked)}>Roll back</button>
            <button type="button" onClick={() => setAsked(null)}>Cancel</button>
          </div>
        </div>
      )}
      <ErrorText message={error} />
      <p class="hint" role="status">{done}</p>
    </section>
  );
}
