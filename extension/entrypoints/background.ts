import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // The service worker's listeners are registered by the modules the extension grows.
});
