// Opens the extension's real toolbar popup on a tab (which grants activeTab, as a user's click does) through CDP,
// and drives it: evaluate script in it, click in it, close it. Playwright does not expose that popup as a Page,
// so this talks to it over the browser's CDP session (Target.sendMessageToTarget, not flattened).
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import type { View } from './popup-driver';

interface TargetInfo { targetId: string; type: string; url: string; title: string }

export interface ActionPopup extends View {
  targetId: string;
  /** The popup as a PNG, at its own size. */
  screenshot(): Promise<Buffer>;
}

type Send = (method: string, params?: Record<string, unknown>) => Promise<Record<string, unknown>>;

export async function browserSession(context: BrowserContext): Promise<CDPSession> {
  const browser = context.browser();
  if (!browser) throw new Error('This browser context has no Browser object, so no browser-wide CDP session.');
  return browser.newBrowserCDPSession();
}

/** The `tab` target holding the page: Extensions.triggerAction refuses the page target's own id. */
export async function tabTargetOf(cdp: CDPSession, page: Page): Promise<string> {
  const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as { targetInfos: TargetInfo[] };
  const url = page.url();
  const tab = targetInfos.find((info) => info.type === 'tab' && info.url === url);
  if (!tab) throw new Error(`No tab target shows ${url}; tabs: ${targetInfos.map((t) => t.url).join(', ')}`);
  return tab.targetId;
}

/** Clicks the extension's toolbar button on the page's tab and attaches to the popup that opens. */
export async function openActionPopup(cdp: CDPSession, extensionId: string, page: Page, popupPath = 'popup.html'): Promise<ActionPopup> {
  await page.bringToFront();
  const targetId = await tabTargetOf(cdp, page);
  const isPopup = (info: TargetInfo) => info.type === 'page' && info.url.startsWith(`chrome-extension://${extensionId}/${popupPath}`);
  // On a loaded machine a popup can close (or be toggled shut) as it opens: one more click, as a person would.
  for (let attempt = 1; ; attempt++) {
    // A popup still open from before would be mistaken for the new one, and the click would toggle it shut.
    await closeTargets(cdp, isPopup);
    await cdp.send('Extensions.triggerAction' as never, { id: extensionId, targetId } as never);
    const popup = await waitForTarget(cdp, isPopup);
    try {
      return await connect(cdp, popup.targetId);
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

async function closeTargets(cdp: CDPSession, wanted: (info: TargetInfo) => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const open = ((await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] }).targetInfos.filter(wanted);
    if (open.length === 0) return;
    if (Date.now() > deadline) throw new Error('An extension popup would not close.');
    for (const target of open) await cdp.send('Target.closeTarget', { targetId: target.targetId }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function connect(cdp: CDPSession, targetId: string): Promise<ActionPopup> {
  const send = await attach(cdp, targetId);
  await waitForLoad(send);
  return {
    targetId,
    evaluate: (expression) => evaluateIn(send, expression),
    async click(x, y) {
      for (const type of ['mousePressed', 'mouseReleased']) {
        await send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 });
      }
    },
    async close() {
      await cdp.send('Target.closeTarget', { targetId }).catch(() => undefined);
    },
    async screenshot() {
      const { data } = (await send('Page.captureScreenshot', { format: 'png' })) as { data: string };
      return Buffer.from(data, 'base64');
    },
  };
}

/** Attaches to the toolbar popup the extension opened by itself (browser.action.openPopup), waiting for it. */
export async function attachToOpenPopup(cdp: CDPSession, extensionId: string, popupPath = 'popup.html', timeoutMs = 10_000): Promise<ActionPopup> {
  const popupUrl = `chrome-extension://${extensionId}/${popupPath}`;
  const popup = await waitForTarget(cdp, (info) => info.type === 'page' && info.url.startsWith(popupUrl), timeoutMs);
  return connect(cdp, popup.targetId);
}

async function waitForTarget(cdp: CDPSession, wanted: (info: TargetInfo) => boolean, timeoutMs = 10_000): Promise<TargetInfo> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    const found = targetInfos.find(wanted);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('The extension popup did not open: was the extension built and loaded?');
}

// One non-flattened session to the target; replies arrive as Target.receivedMessageFromTarget events.
async function attach(cdp: CDPSession, targetId: string): Promise<Send> {
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
  const pending = new Map<number, { resolve(value: Record<string, unknown>): void; reject(error: Error): void }>();
  let nextId = 1;
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: Record<string, unknown>; error?: { message: string } };
    const waiter = reply.id === undefined ? undefined : pending.get(reply.id);
    if (!waiter || reply.id === undefined) return;
    pending.delete(reply.id);
    if (reply.error) waiter.reject(new Error(reply.error.message));
    else waiter.resolve(reply.result ?? {});
  });
  return (method, params = {}) => new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
  });
}

async function waitForLoad(send: Send): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    // The target is listed under the popup's URL while it still holds its initial blank document: wait for the real one.
    const loaded = `location.protocol === 'chrome-extension:' && document.readyState === 'complete'`;
    if (await evaluateIn<boolean>(send, loaded).catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  throw new Error('The extension popup did not finish loading.');
}

async function evaluateIn<T>(send: Send, expression: string): Promise<T> {
  const reply = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
  const details = reply.exceptionDetails as { exception?: { description?: string }; text?: string } | undefined;
  if (details) throw new Error(`In the popup: ${details.exception?.description ?? details.text}`);
  return (reply.result as { value: T }).value;
}
