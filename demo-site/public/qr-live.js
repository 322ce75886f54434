// Shared by the QR panels: JSON calls that never throw, and the page's WebSocket to /ws with reconnect and backoff.
const NETWORK_ERROR = { code: 'network', message: 'Network lost: check the connection and try again.' };

/** How many times an expired QR replaces itself before the page offers a button instead. */
export const AUTO_RENEWALS = 3;
/** What the page says about its live connection. */
export const CONNECTION_WORDS = {
  live: '',
  reconnecting: 'Live updates lost (network): reconnecting…',
  refused: 'Live updates cannot connect (the network, or the site refused this page): retrying…',
};

/** POST JSON; resolves to { ok, status, body } and turns a network failure into an error body with words. */
export async function postJson(path, body) {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
    const parsed = await response.json().catch(() => ({}));
    if (!response.ok && !parsed.error) parsed.error = { code: `http_${response.status}`, message: `The site answered ${response.status}: try again.` };
    return { ok: response.ok, status: response.status, body: parsed };
  } catch {
    return { ok: false, status: 0, body: { error: NETWORK_ERROR } };
  }
}

/**
 * Opens the page's socket once and keeps it: on a drop it reconnects after 0.5 s, 1 s, 2 s ... up to 15 s.
 * onOpen runs at every (re)connection, so the page can ask what it missed.
 */
export function openLive({ onEvent, onOpen, onState }) {
  let delay = 500;
  let everOpened = false; // after a first connection a drop is 'reconnecting'; never connecting is 'refused'
  const connect = () => {
    const url = new URL('/ws', window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(url.href);
    socket.onopen = () => {
      delay = 500;
      everOpened = true;
      onState('live');
      onOpen();
    };
    socket.onmessage = (message) => {
      let event;
      try {
        event = JSON.parse(message.data);
      } catch {
        return;
      }
      onEvent(event);
    };
    socket.onclose = () => {
      onState(everOpened ? 'reconnecting' : 'refused');
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 15_000);
    };
  };
  connect();
}

/** Shows a message in an element (or hides it when the message is empty). */
export function say(element, message) {
  if (!element) return;
  element.textContent = message || '';
  element.hidden = !message;
}
