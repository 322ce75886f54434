// Reads and clicks the QR link view inside the real toolbar popup: by visible text and button names, with real
// mouse events (they count as user gestures).
import type { ActionPopup } from '../../support/extension-action';

/** The QR link view: the popup's own, or the one a test drew there. */
const VIEW = '.qr-link';

export async function waitForPopupText(popup: ActionPopup, text: string | RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let shown = '';
  while (Date.now() < deadline) {
    shown = await popup.evaluate<string>(`document.querySelector(${JSON.stringify(VIEW)})?.innerText ?? ""`).catch(() => shown);
    if (typeof text === 'string' ? shown.includes(text) : text.test(shown)) return shown;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const page = await popup.evaluate<string>('document.body.innerText').catch((error: Error) => `(the popup is gone: ${error.message})`);
  throw new Error(`Waited ${timeoutMs} ms for ${text} in the popup. Its QR view shows:\n${shown}\nThe whole popup:\n${page}`);
}

/** Clicks the button of that name (aria-label, else its text) within `scope`, once it is there. */
export async function clickPopupButton(popup: ActionPopup, name: string, scope = VIEW, timeoutMs = 10_000): Promise<void> {
  const find = `Array.from(document.querySelectorAll(${JSON.stringify(`${scope} button`)}))
    .find((el) => (el.getAttribute('aria-label') || el.textContent).trim() === ${JSON.stringify(name)})`;
  const deadline = Date.now() + timeoutMs;
  while (!(await popup.evaluate<boolean>(`Boolean(${find})`).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`No button named "${name}" in the popup.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const point = await popup.evaluate<{ x: number; y: number } | null>(`(() => {
    const button = ${find};
    if (!button) return null;
    button.scrollIntoView({ block: 'center' });
    const rect = button.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  })()`);
  if (!point) throw new Error(`No button named "${name}" in the popup.`);
  await popup.click(point.x, point.y);
}

/** The PIN the popup shows (its digits, without the grouping space). */
export function readShownPin(popup: ActionPopup): Promise<string | null> {
  return popup.evaluate<string | null>(`document.querySelector(${JSON.stringify(`${VIEW} .qr-pin`)})?.dataset.pin ?? null`);
}

/** Picks the account to sign in with, by the name beside its radio button; with one account, checks it is that one. */
export async function choosePopupAccount(popup: ActionPopup, label: string): Promise<void> {
  const shown = await waitForPopupText(popup, /Sign in to .*\?/);
  if (shown.includes(`As ${label}.`)) return;
  const point = await popup.evaluate<{ x: number; y: number } | null>(`(() => {
    const option = Array.from(document.querySelectorAll('${VIEW} fieldset label')).find((el) => el.textContent.trim() === ${JSON.stringify(label)});
    if (!option) return null;
    const rect = option.getBoundingClientRect();
    return { x: rect.left + 12, y: rect.top + rect.height / 2 };
  })()`);
  if (!point) throw new Error(`No account "${label}" to choose in the popup.`);
  await popup.click(point.x, point.y);
}
