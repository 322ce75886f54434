// Registered as a content script only for the sites where the user turned automatic filling on.
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { FillRequest } from '../autofill/page-agent';
import { watchForCodeField } from '../autofill/watch-page';

export default defineUnlistedScript(() => {
  watchForCodeField(document, async () => (await browser.runtime.sendMessage({ type: 'autofill-request' })) as FillRequest | null);
});
