/** Saves text as a file through the browser's download flow; nothing is kept in the page afterwards. */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by then; the blob (which holds keys) should not outlive it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function datedName(prefix: string, extension: string, date = new Date()): string {
  return `${prefix}-${date.toISOString().slice(0, 10)}.${extension}`;
}
