// The live line to the site while the extension shows a PIN: a fresh PIN after a wrong guess or on expiry, and the end
// of the flow. Reconnects with backoff when the network drops, and gives up when the QR session could no longer exist.
import { keepSocketOpen } from '#shared/protocol/live-socket.ts';
import { CHANNEL_PROTOCOL, QR_SESSION_MAX_MS, type ExtensionEvent } from '#shared/protocol/qr-signin.ts';

export interface PinChannelOptions {
  onEvent(event: ExtensionEvent): void;
  /** Connection state for the UI: 'live', 'reconnecting' (network lost, or not reached yet), 'closed'. */
  onStatus?(status: 'live' | 'reconnecting' | 'closed'): void;
  WebSocketImpl?: typeof WebSocket;
  now?: () => number;
  firstDelayMs?: number;
  maxDelayMs?: number;
}

export function openPinChannel(origin: string, channelToken: string, options: PinChannelOptions): () => void {
  const now = options.now ?? Date.now;
  const close = keepSocketOpen({
    origin,
    // The token rides in the subprotocol header (see CHANNEL_PROTOCOL), not in the URL.
    protocols: [CHANNEL_PROTOCOL, channelToken],
    onMessage: (event) => {
      options.onEvent(event as ExtensionEvent);
      if ((event as ExtensionEvent).type !== 'pin') close();
    },
    onState: (state) => options.onStatus?.(state === 'refused' ? 'reconnecting' : state),
    WebSocketImpl: options.WebSocketImpl,
    firstDelayMs: options.firstDelayMs ?? 250,
    maxDelayMs: options.maxDelayMs ?? 8000,
    giveUpAt: now() + QR_SESSION_MAX_MS,
    now,
  });
  return close;
}
