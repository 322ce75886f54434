import { useEffect, useState } from 'preact/hooks';
import { readActivePage, type ActivePage } from '../../ui/page/active-page';

/** The tab the popup was opened on, read once (the popup closes when the user turns to another tab). */
export function useActivePage(): ActivePage | null {
  const [page, setPage] = useState<ActivePage | null>(null);
  useEffect(() => { void readActivePage().then(setPage).catch(() => setPage(null)); }, []);
  return page;
}
