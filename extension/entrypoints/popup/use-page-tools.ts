import type { Vault } from '../../vault/index';
import { useActivePage } from './use-active-page';
import { useScanner } from './use-scanner';
import { usePending } from './use-pending';
import { useFiller } from './use-filler';
import { useImagePaste } from './use-image-drop';

/** What the popup does with the page it was opened on: scan it (or a picture), fill it, and what was left waiting. */
export function usePageTools(vault: Pick<Vault, 'touch'>, run: (action: () => Promise<void>) => Promise<void>, setStatus: (text: string) => void) {
  const page = useActivePage();
  const scanner = useScanner(page);
  const pending = usePending(scanner.show);
  useImagePaste(scanner.scanImage);
  const filler = useFiller(vault, page, run, setStatus);
  return { page, scanner, pending, filler };
}
