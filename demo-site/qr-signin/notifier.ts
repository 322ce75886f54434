// What the QR flow tells the outside world as it happens, whichever process holds the sockets (realtime/relay.ts).
// Telling is best effort: a lost event is made up for by the page asking /api/qr/status when it reconnects.
import type { ExtensionEvent, PageEvent } from '#shared/protocol/qr-signin.ts';

export interface QrNotifier {
  /** To every page socket of the browser that owns `binding`. */
  toPage(binding: string, event: PageEvent): Promise<void>;
  /**
   * To the extension's channel, if it is connected. A PIN event names the PIN's hash: the process holding the socket
   * records the PIN as delivered (markPinDelivered) once it is sent.
   */
  toChannel(channelHash: string, event: ExtensionEvent, pinHash?: string): Promise<void>;
  closeChannel(channelHash: string): Promise<void>;
}
