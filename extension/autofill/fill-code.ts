// Puts a code into the target so that the page sees it as typed: frameworks that track values (React, Vue, Angular)
// only notice a change made through the native value setter and followed by input events.
import type { CodeTarget } from './detect-fields';

export function fillCode(target: CodeTarget, code: string): void {
  if (target.kind === 'single') {
    setValue(target.input, code);
    return;
  }
  // Split boxes get one character each, with key events, so boxes that move focus by themselves keep working.
  target.inputs.forEach((input, i) => {
    const ch = code[i] ?? '';
    input.focus();
    const view = input.ownerDocument.defaultView ?? window;
    const key = { key: ch, code: `Digit${ch}`, bubbles: true, cancelable: true, composed: true };
    input.dispatchEvent(new view.KeyboardEvent('keydown', key));
    input.dispatchEvent(new view.KeyboardEvent('keypress', key));
    setValue(input, ch);
    input.dispatchEvent(new view.KeyboardEvent('keyup', key));
  });
}

function setValue(input: HTMLInputElement, value: string): void {
  const view = input.ownerDocument.defaultView ?? window;
  input.focus();
  const setter = Object.getOwnPropertyDescriptor(view.HTMLInputElement.prototype, 'value')?.set;
  if (setter) setter.call(input, value);
  else input.value = value;
  input.dispatchEvent(new view.InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
  input.dispatchEvent(new view.Event('change', { bubbles: true, composed: true }));
}
