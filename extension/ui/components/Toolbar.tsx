import type { Ref } from 'preact';
import { SCAN_TITLE } from '../../messaging/commands';

interface Props {
  query: string;
  searchRef: Ref<HTMLInputElement>;
  optionsUrl: string;
  onQuery(value: string): void;
  onSearchKey(event: KeyboardEvent): void;
  onAdd(): void;
  onScan(): void;
  onLock(): void;
}

// The popup's top bar: search, then one button per action. Scan reads a QR code on the page the popup was opened on.
export function Toolbar({ query, searchRef, optionsUrl, onQuery, onSearchKey, onAdd, onScan, onLock }: Props) {
  return (
    <header class="toolbar">
      <input ref={searchRef} type="search" class="search" placeholder="Search  ( / )" aria-label="Search accounts"
        aria-keyshortcuts="/" value={query} onInput={(event) => onQuery(event.currentTarget.value)} onKeyDown={onSearchKey} />
      <nav class="actions" aria-label="Actions">
        <button type="button" onClick={onAdd}>Add</button>
        <button type="button" onClick={onScan} aria-label={SCAN_TITLE} title={SCAN_TITLE}>Scan</button>
        <button type="button" onClick={onLock}>Lock now</button>
        <a class="button" href={optionsUrl} target="_blank" rel="noopener" aria-label="Settings" title="Settings, import and export">⚙</a>
      </nav>
    </header>
  );
}
