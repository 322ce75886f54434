// A WebSocket to the site's /ws that stays open: on a drop it reconnects with a doubling delay, until it is closed or
// its time is up. The sign-in and enrolment pages keep theirs for as long as they are open; the extension keeps its
// PIN channel for as long as the QR sign-in can live.

/** `refused`: it never connected (the network, or the site said no); `reconnecting`: it was live and dropped. */
export type LiveState = 'live' | 'reconnecting' | 'refused' | 'closed';

export interface LiveSocketOptions {
  /** The site's origin, e.g. https://example.com. */
  origin: string;
  protocols?: string[];
  onMessage(event: unknown): void;
  /** At every (re)connection, so what was missed meanwhile can be asked for. */
  onOpen?(): void;
  onState?(state: LiveState): void;
  WebSocketImpl?: typeof WebSocket;
  firstDelayMs: number;
  maxDelayMs: number;
  /** Unix milliseconds after which a drop closes for good instead of reconnecting. */
  giveUpAt?: number;
  now?: () => number;
}

export function socketUrl(origin: string): string {
  const url = new URL('/ws', origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

/** Opens the socket; returns the function that closes it for good (onState then hears 'closed'). */
export function keepSocketOpen(options: LiveSocketOptions): () => void {
  const Impl = options.WebSocketImpl ?? WebSocket;
  const now = options.now ?? Date.now;
  let delay = options.firstDelayMs;
  let everOpened = false;
  let socket: WebSocket | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let finished = false;

  const finish = () => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    socket?.close();
    options.onState?.('closed');
  };

  const connect = () => {
    socket = new Impl(socketUrl(options.origin), options.protocols);
    // An error is always followed by close, which decides what to do; without a handler Node's ws would throw.
    socket.onerror = () => undefined;
    socket.onopen = () => {
      delay = options.firstDelayMs;
      everOpened = true;
      options.onState?.('live');
      options.onOpen?.();
    };
    socket.onmessage = (message) => {
      const event = parseEvent(message.data);
      if (event && !finished) options.onMessage(event);
    };
    socket.onclose = () => {
      if (finished) return;
      if (options.giveUpAt !== undefined && now() >= options.giveUpAt) return finish();
      options.onState?.(everOpened ? 'reconnecting' : 'refused');
      timer = setTimeout(connect, delay);
      delay = Math.min(delay * 2, options.maxDelayMs);
    };
  };

  connect();
  return finish;
}

/** A JSON event with a `type`, or null for anything else. */
function parseEvent(data: unknown): { type: string } | null {
  if (typeof data !== 'string') return null;
  try {
    const event = JSON.parse(data) as { type?: unknown } | null;
    return typeof event?.type === 'string' ? (event as { type: string }) : null;
  } catch {
    return null;
  }
}
