// Injected on demand (activeTab + scripting) into the page the user asked to fill; exposes the agent to the popup's
// follow-up executeScript calls, which run in the same isolated world.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { fillCodeField, probeCodeField } from '../autofill/page-agent';

export default defineUnlistedScript(() => {
  (globalThis as { tesseraAutofill?: unknown }).tesseraAutofill = { fillCodeField, probeCodeField };
});
