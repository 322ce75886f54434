// Codes are copied with one click and wiped from the clipboard 30 s later, as long as this page is still open
// (a closed popup can no longer write to the clipboard; the browser does not allow it from the background).
export const CLIPBOARD_CLEAR_MS = 30_000;

let clearTimer: ReturnType<typeof setTimeout> | undefined;

export async function copyCode(code: string, clearAfterMs = CLIPBOARD_CLEAR_MS): Promise<void> {
  await writeText(code);
  if (clearTimer) clearTimeout(clearTimer);
  clearTimer = setTimeout(() => {
    clearTimer = undefined;
    void writeText('').catch(() => undefined);
  }, clearAfterMs);
}

async function writeText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    copyWithSelection(text);
  }
}

// Fallback for pages without clipboard focus: the old selection-based copy.
function copyWithSelection(text: string): void {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('The browser did not allow copying.');
}
