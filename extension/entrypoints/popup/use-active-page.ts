import { useEffect, useState } from 'preact/hooks';
import type { ActivePage } from '../../ui/page/active-page';
import { knownFirstScreen, readFirstScreen } from './first-screen';

/** The tab the popup was opened on, read once (the popup closes when the user turns to another tab). */
export function useActivePage(): ActivePage | null {
  const [page, setPage] = useState<ActivePage | null>(() => knownFirstScreen()?.page ?? null);
  useEffect(() => { void readFirstScreen().then((first) => setPage(first.page)); }, []);
  return page;
}
