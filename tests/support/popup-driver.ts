// Reads and clicks in the real toolbar popup (an ActionPopup) by what a person sees: visible text and the names of
// buttons (aria-label, else their text). Clicks are real mouse events at the element's centre.
import type { ActionPopup } from './extension-action';

const FIND_BUTTON = `(name) => {
  const norm = (text) => (text || '').replace(/\\s+/g, ' ').trim();
  const all = Array.from(document.querySelectorAll('button, a, label.button, [role=button]'));
  return all.find((el) => norm(el.getAttribute('aria-label') || el.textContent) === name) || null;
}`;

export async function waitInPopup(popup: ActionPopup, condition: string, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await popup.evaluate<boolean>(`Boolean(${condition})`).catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const text = await popupText(popup).catch(() => '(popup gone)');
  throw new Error(`Waited ${timeoutMs} ms for ${what}. The popup shows:\n${text}`);
}

export function popupText(popup: ActionPopup): Promise<string> {
  return popup.evaluate<string>('document.body.innerText');
}

export function waitForText(popup: ActionPopup, text: string, timeoutMs = 10_000): Promise<void> {
  return waitInPopup(popup, `document.body.innerText.includes(${JSON.stringify(text)})`, `"${text}"`, timeoutMs);
}

export function hasButton(popup: ActionPopup, name: string): Promise<boolean> {
  return popup.evaluate<boolean>(`Boolean((${FIND_BUTTON})(${JSON.stringify(name)}))`);
}

export async function clickButton(popup: ActionPopup, name: string): Promise<void> {
  await waitInPopup(popup, `(${FIND_BUTTON})(${JSON.stringify(name)})`, `a button named "${name}"`);
  const point = await popup.evaluate<{ x: number; y: number }>(`(() => {
    const el = (${FIND_BUTTON})(${JSON.stringify(name)});
    el.scrollIntoView({ block: 'center' });
    const rect = el.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  })()`);
  await popup.click(point.x, point.y);
}

/** Types into the field with that label, as input events (no gesture needed). */
export async function fillField(popup: ActionPopup, label: string, value: string): Promise<void> {
  await popup.evaluate(`(() => {
    const label = Array.from(document.querySelectorAll('label')).find((el) => el.textContent.trim() === ${JSON.stringify(label)});
    const field = label && (label.control || document.getElementById(label.htmlFor));
    if (!field) throw new Error('No field labelled ' + ${JSON.stringify(label)});
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value').set;
    setter.call(field, ${JSON.stringify(value)});
    field.dispatchEvent(new Event('input', { bubbles: true }));
  })()`);
}

/** The code a row shows ("Copy code for <label>"), without the grouping space; '' while the row is not there. */
export function readShownCode(popup: ActionPopup, label: string): Promise<string> {
  return popup.evaluate<string>(`(document.querySelector(${JSON.stringify(`[aria-label="Copy code for ${label}"]`)})?.textContent ?? '').replace(/\\s/g, '')`);
}

/** Runs `action` and gives the row's code just before and just after: a 30-second step may end in between. */
export async function codesAround(popup: ActionPopup, label: string, action: () => Promise<void>): Promise<string[]> {
  const before = await readShownCode(popup, label);
  await action();
  return [before, await readShownCode(popup, label)];
}
