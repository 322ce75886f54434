// Runs on sites where the user turned automatic filling on: waits for a code field to appear, then asks the extension
// for the code once. The extension decides (vault unlocked, site bound, setting on); the agent re-checks the site.
import { findCodeTarget } from './detect-fields';
import { fillCodeField, type FillRequest } from './page-agent';

const SETTLE_MS = 250;

export function watchForCodeField(doc: Document, requestCode: () => Promise<FillRequest | null>): () => void {
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tryFill = async () => {
    if (done || !findCodeTarget(doc)) return;
    done = true;
    observer.disconnect();
    const request = await requestCode().catch(() => null);
    if (request) fillCodeField({ code: request.code, sites: request.sites }, doc);
  };
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(() => void tryFill(), SETTLE_MS);
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class', 'hidden'] });
  void tryFill();
  return () => {
    done = true;
    observer.disconnect();
    clearTimeout(timer);
  };
}
