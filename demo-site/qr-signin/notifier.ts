// What the QR flow tells the outside world as it happens. The WebSocket hub implements it; tests may record it.
import type { ExtensionEvent, PageEvent } from '#shared/protocol/qr-signin.ts';

export interface QrNotifier {
  /** To every page socket of the browser that owns `binding`. */
  toPage(binding: string, event: PageEvent): void;
  /** To the extension's channel; false when no socket is connected (the event is then lost). */
  toChannel(channelHash: string, event: ExtensionEvent): boolean;
  closeChannel(channelHash: string): void;
}
