// Shared by the QR panels: JSON calls that never throw, the page's live socket to /ws, and words for both.
import { keepSocketOpen, type LiveState } from '#shared/protocol/live-socket.ts';
import type { PageEvent } from '#shared/protocol/qr-signin.ts';

export interface ErrorBody { error: { code: string; message: string } }
export type Reply<T> = { ok: true; status: number; body: T } | { ok: false; status: number; body: ErrorBody };

const NETWORK_ERROR = { code: 'network', message: 'Network lost: check the connection and try again.' };

/** How many times an expired QR replaces itself before the page offers a button instead. */
export const AUTO_RENEWALS = 3;
/** What the page says about its live connection. */
export const CONNECTION_WORDS: Record<LiveState, string> = {
  live: '',
  reconnecting: 'Live updates lost (network): reconnecting…',
  refused: 'Live updates cannot connect (the network, or the site refused this page): retrying…',
  closed: '',
};

/** POST JSON; a failure (the site's refusal, or the network) always comes with an error in words. */
export async function postJson<T>(path: string, body?: unknown): Promise<Reply<T>> {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
    const parsed: unknown = await response.json().catch(() => ({}));
    if (response.ok) return { ok: true, status: response.status, body: parsed as T };
    const error = (parsed as Partial<ErrorBody>).error ?? { code: `http_${response.status}`, message: `The site answered ${response.status}: try again.` };
    return { ok: false, status: response.status, body: { error } };
  } catch {
    return { ok: false, status: 0, body: { error: NETWORK_ERROR } };
  }
}

/**
 * The page's socket, opened at the first call and kept: on a drop it reconnects after 0.5 s, 1 s, 2 s ... up to 15 s,
 * and `connection` says so. onOpen runs at every (re)connection, so the page can ask what it missed.
 */
export function liveUpdates(connection: HTMLElement | null, handlers: { onEvent(event: PageEvent): void; onOpen(): void }): () => void {
  let opened = false;
  return () => {
    if (opened) return;
    opened = true;
    keepSocketOpen({
      origin: window.location.origin,
      onMessage: (event) => handlers.onEvent(event as PageEvent),
      onOpen: handlers.onOpen,
      onState: (state) => say(connection, CONNECTION_WORDS[state]),
      firstDelayMs: 500,
      maxDelayMs: 15_000,
    });
  };
}

/** Shows a message in an element (or hides it when the message is empty). */
export function say(element: HTMLElement | null, message: string | undefined): void {
  if (!element) return;
  element.textContent = message || '';
  element.hidden = !message;
}

/** The panel's parts, by their data-qr-<name> attribute. */
export function partsOf(panel: HTMLElement): <T extends HTMLElement = HTMLElement>(name: string) => T {
  return <T extends HTMLElement>(name: string) => panel.querySelector(`[data-qr-${name}]`) as T;
}
