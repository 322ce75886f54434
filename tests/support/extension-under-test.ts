// The built extension in a real browser, as the key journeys drive it in Chromium and in Firefox alike: a tab that
// shows web pages, the real toolbar popup over it, and extension pages in tabs of their own.
import type { View } from './popup-driver';

export type BrowserName = 'Chromium' | 'Firefox';

export interface ExtensionTab extends View {
  /** Runs `action` and gives the text of the file it made the browser download (waiting up to `timeoutMs`). */
  downloadDuring(action: () => Promise<void>, timeoutMs?: number): Promise<string>;
  reload(): Promise<void>;
}

export interface ExtensionUnderTest {
  browserName: BrowserName;
  /** Shows a web page in the tab the toolbar popup opens over. */
  showPage(url: string): Promise<void>;
  /** The web page shown, to read what the extension did to it. */
  webPage: Pick<View, 'evaluate'>;
  /** Clicks the extension's toolbar button over the web page (granting activeTab) and gives the popup that opens. */
  openToolbarPopup(): Promise<View>;
  /** The toolbar button's title, as the extension set it (action.getTitle). */
  toolbarTitle(): Promise<string>;
  /** Opens an extension page (popup.html, options.html) in a tab of its own. */
  openExtensionPage(path: string): Promise<ExtensionTab>;
  close(): Promise<void>;
}

/** Starts a browser with the built extension; `hosts` reach 127.0.0.1, so loopback servers pass for real sites. */
export type LaunchExtension = (hosts: string[]) => Promise<ExtensionUnderTest>;

/** Waits for a file to appear among `list()`'s that was not there before, and reads it. */
export async function waitForNewFile(list: () => string[], read: (name: string) => string, before: string[], timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const added = list().find((name) => !before.includes(name));
    if (added) return read(added);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`No download arrived within ${timeoutMs} ms.`);
}
