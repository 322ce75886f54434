// Opens Firefox's real toolbar popup over the web tab (as a click on the button does, granting activeTab) and drives
// it. BiDi does not reach the popup itself: an extension page in another tab reads and changes it through
// browser.extension.getViews, and clicks are real mouse events the browser window sends to it (EventUtils).
import type { Page } from 'puppeteer-core';
import { GECKO_ID } from '../../extension/identity';
import { waitUntil, type LaunchedFirefox } from './firefox';
import type { View } from './popup-driver';

const CLICK_THE_TOOLBAR_BUTTON = `(id) => {
  const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
  ExtensionParent.apiManager.global.browserActionFor(WebExtensionPolicy.getByID(id).extension).triggerAction(window);
}`;

const CLICK_IN_THE_POPUP = `(x, y) => {
  const popup = document.querySelector('browser.webextension-popup-browser');
  if (!popup) throw new Error('The toolbar popup is not open.');
  if (!window.tesseraEventUtils) {
    const utils = { window, parent: window, _EU_Ci: Ci, _EU_Cc: Cc };
    Services.scriptloader.loadSubScript('chrome://remote/content/external/EventUtils.js', utils);
    window.tesseraEventUtils = utils;
  }
  window.tesseraEventUtils.synthesizeMouse(popup, Number(x), Number(y), {}, window);
}`;

const CLOSE_THE_POPUP = `() => {
  const popup = document.querySelector('browser.webextension-popup-browser');
  popup?.closest('panel')?.hidePopup();
}`;

const IS_OPEN = `() => Boolean(document.querySelector('browser.webextension-popup-browser'))`;

/** Runs `expression` with the popup's globals in scope, from the controlling extension page. */
function inPopup(expression: string): string {
  return `((window) => {
    if (!window) throw new Error('The toolbar popup is not open.');
    const { document, location, navigator, performance, Event, InputEvent, KeyboardEvent, chrome, browser } = window;
    const getComputedStyle = window.getComputedStyle.bind(window);
    return (async () => (${expression}))();
  })(browser.extension.getViews({ type: 'popup' })[0])`;
}

/** `controller` is any extension page of the same add-on, open in a background tab. */
export async function openFirefoxPopup(firefox: LaunchedFirefox, controller: Page): Promise<View> {
  await firefox.page.bringToFront();
  if (await firefox.inChrome<boolean>(IS_OPEN)) {
    await firefox.inChrome(CLOSE_THE_POPUP);
    await waitUntil(async () => !(await firefox.inChrome<boolean>(IS_OPEN)), 'the old popup to close');
  }
  await firefox.inChrome(CLICK_THE_TOOLBAR_BUTTON, GECKO_ID);
  await waitUntil(() => controller.evaluate(inPopup(`location.pathname === '/popup.html' && document.readyState === 'complete'`)),
    'the toolbar popup to open');
  return {
    evaluate: <T>(expression: string) => controller.evaluate(inPopup(expression)) as Promise<T>,
    click: async (x, y) => { await firefox.inChrome(CLICK_IN_THE_POPUP, String(x), String(y)); },
    close: async () => { await firefox.inChrome(CLOSE_THE_POPUP); },
  };
}
