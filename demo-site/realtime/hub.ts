// Who is listening to this process: page sockets by the bindings their cookies proved, extension sockets by channel.
// A page hears only about its own browser's QR codes; a channel only about its own sign-in. Events reach the hub of
// every process through the relay (relay.ts).
import type { ExtensionEvent, PageEvent } from '#shared/protocol/qr-signin.ts';

export interface LiveSocket {
  /** False when the socket is no longer open. */
  send(data: string): boolean;
  close(code?: number, reason?: string): void;
}

/** Enough for several tabs; a browser opening more loses its oldest sockets. */
const MAX_SOCKETS_PER_BINDING = 10;

export class RealtimeHub {
  private readonly pages = new Map<string, Set<LiveSocket>>();
  private readonly channels = new Map<string, LiveSocket>();

  addPage(bindings: readonly string[], socket: LiveSocket): () => void {
    for (const binding of bindings) {
      const sockets = this.pages.get(binding) ?? new Set<LiveSocket>();
      sockets.add(socket);
      this.pages.set(binding, sockets);
      if (sockets.size > MAX_SOCKETS_PER_BINDING) [...sockets][0].close(4008, 'too many connections');
    }
    return () => {
      for (const binding of bindings) {
        const sockets = this.pages.get(binding);
        sockets?.delete(socket);
        if (sockets?.size === 0) this.pages.delete(binding);
      }
    };
  }

  /** A reconnecting extension replaces its earlier socket (in this process; the relay tells the others). */
  /** The returned release says whether the socket was still the channel's (not replaced or ended meanwhile). */
  setChannel(channelHash: string, socket: LiveSocket): () => boolean {
    const previous = this.channels.get(channelHash);
    this.channels.set(channelHash, socket);
    if (previous && previous !== socket) previous.close(4000, 'replaced');
    return () => {
      if (this.channels.get(channelHash) !== socket) return false;
      this.channels.delete(channelHash);
      return true;
    };
  }

  toPage(binding: string, event: PageEvent): void {
    const text = JSON.stringify(event);
    for (const socket of this.pages.get(binding) ?? []) socket.send(text);
  }

  toChannel(channelHash: string, event: ExtensionEvent): boolean {
    const socket = this.channels.get(channelHash);
    return socket ? socket.send(JSON.stringify(event)) : false;
  }

  closeAll(code: number, reason: string): void {
    const sockets = new Set([...this.channels.values(), ...[...this.pages.values()].flatMap((set) => [...set])]);
    for (const socket of sockets) socket.close(code, reason);
  }

  closeChannel(channelHash: string, code = 1000, reason = 'ended'): void {
    const socket = this.channels.get(channelHash);
    this.channels.delete(channelHash);
    socket?.close(code, reason);
  }
}
