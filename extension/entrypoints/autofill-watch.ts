// Registered as a content script only for the sites where the user turned automatic filling on.
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { FillRequest } from '../autofill/page-agent';
import { watchForCodeField } from '../autofill/watch-page';
import { AUTO_FILL_REQUEST } from '../messaging/messages';

export default defineUnlistedScript(() => {
  watchForCodeField(document, async () => (await browser.runtime.sendMessage(AUTO_FILL_REQUEST)) as FillRequest | null);
});
