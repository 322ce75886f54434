// The names the browser knows Tessera's actions by: keyboard commands (declared in the manifest by wxt.config.ts),
// context-menu items and alarms. Declared here once; the manifest and every listener read them from here.

/** What the scan is called wherever the user starts it: shortcut, context menu, toolbar button. */
export const SCAN_TITLE = 'Scan QR code on this page';

export const COMMANDS = {
  fillCode: { id: 'fill-code', key: 'Alt+Shift+F', description: 'Fill the one-time code of the account for this site' },
  // Like a click on the toolbar button, the shortcut grants activeTab on the page it scans.
  scanQr: { id: 'scan-qr', key: 'Alt+Shift+Q', description: SCAN_TITLE },
} as const;

export const MENU_ITEMS = {
  fillCode: { id: 'fill-code', title: 'Fill one-time code' },
  scanQr: { id: 'tessera-scan-qr', title: SCAN_TITLE },
} as const;

export const ALARMS = {
  /** Every minute: lock the vault once its idle time has run out. */
  autoLock: 'auto-lock',
  /** Once, after a copy: clear the clipboard. */
  clearClipboard: 'clear-clipboard',
} as const;

/** The manifest's `commands`. */
export function manifestCommands(): Record<string, { suggested_key: { default: string }; description: string }> {
  return Object.fromEntries(Object.values(COMMANDS).map((command) => [command.id, { suggested_key: { default: command.key }, description: command.description }]));
}
