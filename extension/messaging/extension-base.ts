// The address every page of this extension starts with: what isFromExtensionPage compares a sender's URL against.
import { browser } from 'wxt/browser';

// WXT types getURL against the generated list of public paths, which a plain `tsc` run does not load.
export function extensionBase(): string {
  return (browser.runtime as unknown as { getURL(path: string): string }).getURL('/');
}
