// Reads and clicks in an extension view (the real toolbar popup, or an extension page in a tab) by what a person sees:
// visible text and the names of buttons (aria-label, else their text). Clicks are real mouse events at the element's
// centre. The same functions drive Chromium and Firefox: each browser only has to give a View.

/** A page of the extension as a test drives it, whatever the browser. */
export interface View {
  /** Runs an expression in the view (awaiting a promise it gives) and returns its value as JSON data. */
  evaluate<T>(expression: string): Promise<T>;
  /** A real mouse click at view coordinates: it counts as a user gesture. */
  click(x: number, y: number): Promise<void>;
  close(): Promise<void>;
}

const FIND_BUTTON = `(name) => {
  const norm = (text) => (text || '').replace(/\\s+/g, ' ').trim();
  const all = Array.from(document.querySelectorAll('button, a, label.button, [role=button]'));
  return all.find((el) => norm(el.getAttribute('aria-label') || el.textContent) === name) || null;
}`;

export async function waitInPopup(view: View, condition: string, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await view.evaluate<boolean>(`Boolean(${condition})`).catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const text = await popupText(view).catch(() => '(popup gone)');
  throw new Error(`Waited ${timeoutMs} ms for ${what}. The popup shows:\n${text}`);
}

export function popupText(view: View): Promise<string> {
  return view.evaluate<string>('document.body.innerText');
}

export function waitForText(view: View, text: string, timeoutMs = 10_000): Promise<void> {
  return waitInPopup(view, `document.body.innerText.includes(${JSON.stringify(text)})`, `"${text}"`, timeoutMs);
}

export function hasButton(view: View, name: string): Promise<boolean> {
  return view.evaluate<boolean>(`Boolean((${FIND_BUTTON})(${JSON.stringify(name)}))`);
}

export async function clickButton(view: View, name: string): Promise<void> {
  await waitInPopup(view, `(${FIND_BUTTON})(${JSON.stringify(name)})`, `a button named "${name}"`);
  const point = await view.evaluate<{ x: number; y: number }>(`(() => {
    const el = (${FIND_BUTTON})(${JSON.stringify(name)});
    el.scrollIntoView({ block: 'center' });
    const rect = el.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  })()`);
  await view.click(point.x, point.y);
}

/** Types into the field with that label (in the form named `form`, if given), as input events (no gesture needed). */
export async function fillField(view: View, label: string, value: string, form?: string): Promise<void> {
  const find = `(() => {
    const scope = ${form ? `document.querySelector(${JSON.stringify(`form[aria-label="${form}"]`)})` : 'document'};
    const label = scope && Array.from(scope.querySelectorAll('label')).find((el) => el.textContent.trim() === ${JSON.stringify(label)});
    return label ? label.control || document.getElementById(label.htmlFor) : null;
  })()`;
  await waitInPopup(view, find, `a field labelled "${label}"${form ? ` in "${form}"` : ''}`);
  await view.evaluate(`(() => {
    const field = ${find};
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value').set;
    setter.call(field, ${JSON.stringify(value)});
    field.dispatchEvent(new Event('input', { bubbles: true }));
  })()`);
}

/** The code a row shows ("Copy code for <label>"), without the grouping space; '' while the row is not there. */
export function readShownCode(view: View, label: string): Promise<string> {
  return view.evaluate<string>(`(document.querySelector(${JSON.stringify(`[aria-label="Copy code for ${label}"]`)})?.textContent ?? '').replace(/\\s/g, '')`);
}

/** Runs `action` and gives the row's code just before and just after: a 30-second step may end in between. */
export async function codesAround(view: View, label: string, action: () => Promise<void>): Promise<string[]> {
  const before = await readShownCode(view, label);
  await action();
  return [before, await readShownCode(view, label)];
}
