// Reads and clicks the QR link view inside the real toolbar popup: by visible text and button names, with real
// mouse events (they count as user gestures).
import type { ActionPopup } from '../../support/extension-action';

export async function waitForPopupText(popup: ActionPopup, text: string | RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let shown = '';
  while (Date.now() < deadline) {
    shown = await popup.evaluate<string>('document.getElementById("qr-flow-root")?.innerText ?? ""').catch(() => shown);
    if (typeof text === 'string' ? shown.includes(text) : text.test(shown)) return shown;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Waited ${timeoutMs} ms for ${text} in the popup. It shows:\n${shown}`);
}

export async function clickPopupButton(popup: ActionPopup, name: string): Promise<void> {
  await waitForPopupText(popup, name);
  const point = await popup.evaluate<{ x: number; y: number } | null>(`(() => {
    const button = Array.from(document.querySelectorAll('#qr-flow-root button')).find((el) => el.textContent.trim() === ${JSON.stringify(name)});
    if (!button) return null;
    const rect = button.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  })()`);
  if (!point) throw new Error(`No button named "${name}" in the popup's QR view.`);
  await popup.click(point.x, point.y);
}

/** The PIN the popup shows (its digits, without the grouping space). */
export function shownPin(popup: ActionPopup): Promise<string | null> {
  return popup.evaluate<string | null>('document.querySelector("#qr-flow-root .qr-pin")?.dataset.pin ?? null');
}
