// The live line to the site while the extension shows a PIN: a fresh PIN after a wrong guess or on expiry, and the end
// of the flow. Reconnects with backoff when the network drops, and gives up when the QR session could no longer exist.
import { CHANNEL_PROTOCOL, QR_SESSION_MAX_MS, type ExtensionEvent } from '#shared/protocol/qr-signin.ts';

export interface PinChannelOptions {
  onEvent(event: ExtensionEvent): void;
  /** Connection state for the UI: 'live', 'reconnecting' (network lost), 'closed'. */
  onStatus?(status: 'live' | 'reconnecting' | 'closed'): void;
  WebSocketImpl?: typeof WebSocket;
  now?: () => number;
  firstDelayMs?: number;
  maxDelayMs?: number;
}

export function channelUrl(origin: string): string {
  const url = new URL('/ws', origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

export function openPinChannel(origin: string, channelToken: string, options: PinChannelOptions): () => void {
  const Impl = options.WebSocketImpl ?? WebSocket;
  const now = options.now ?? Date.now;
  const giveUpAt = now() + QR_SESSION_MAX_MS;
  let delay = options.firstDelayMs ?? 250;
  let socket: WebSocket | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let finished = false;

  const finish = () => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    socket?.close();
    options.onStatus?.('closed');
  };

  const connect = () => {
    // The token rides in the subprotocol header (see CHANNEL_PROTOCOL), not in the URL.
    socket = new Impl(channelUrl(origin), [CHANNEL_PROTOCOL, channelToken]);
    // An error is always followed by close, which decides what to do; without a handler Node's ws would throw.
    socket.onerror = () => undefined;
    socket.onopen = () => {
      delay = options.firstDelayMs ?? 250;
      options.onStatus?.('live');
    };
    socket.onmessage = (message) => {
      const event = parseEvent(message.data);
      if (!event) return;
      options.onEvent(event);
      if (event.type !== 'pin') finish();
    };
    socket.onclose = () => {
      if (finished) return;
      if (now() >= giveUpAt) return finish();
      options.onStatus?.('reconnecting');
      timer = setTimeout(connect, delay);
      delay = Math.min(delay * 2, options.maxDelayMs ?? 8000);
    };
  };

  connect();
  return finish;
}

function parseEvent(data: unknown): ExtensionEvent | null {
  if (typeof data !== 'string') return null;
  try {
    const event = JSON.parse(data) as ExtensionEvent;
    return typeof event?.type === 'string' ? event : null;
  } catch {
    return null;
  }
}
