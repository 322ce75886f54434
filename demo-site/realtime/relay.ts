// QR events travel through the storage's event bus (PostgreSQL LISTEN/NOTIFY between processes, or within the one
// process), so a page connected to one process hears of a scan that reached another. Messages are sealed with the
// server key: PINs and QR tokens never cross the database in clear.
import type { ExtensionEvent, PageEvent } from '#shared/protocol/qr-signin.ts';
import { openSecret, sealSecret } from '../crypto/secret-box';
import { createId } from '../crypto/tokens';
import type { QrNotifier } from '../qr-signin/notifier';
import type { EventBus } from '../storage/storage';
import type { RealtimeHub } from './hub';

type RelayMessage =
  | { to: 'page'; binding: string; event: PageEvent }
  | { to: 'channel'; channelHash: string; event: ExtensionEvent; pinHash?: string }
  | { to: 'close'; channelHash: string }
  /** An extension's socket joined process `by`: any older socket of that channel elsewhere is replaced. */
  | { to: 'claim'; channelHash: string; by: string };

const PURPOSE = 'tessera-realtime-relay';

export interface Relay extends QrNotifier {
  claimChannel(channelHash: string): Promise<void>;
  /** False while events of other processes cannot arrive: sockets opened now would miss them. */
  isListening(): boolean;
  close(): void;
}

/** `onPinDelivered`: this process's hub handed a PIN to the extension's socket. */
export function createRelay(bus: EventBus, key: Buffer, hub: RealtimeHub, onPinDelivered: (channelHash: string, pinHash: string) => Promise<void>): Relay {
  const instance = createId();
  const deliver = (message: RelayMessage) => {
    if (message.to === 'page') hub.toPage(message.binding, message.event);
    else if (message.to === 'channel') {
      if (hub.toChannel(message.channelHash, message.event) && message.pinHash) {
        onPinDelivered(message.channelHash, message.pinHash).catch((error: Error) => console.error('[site] PIN delivery not recorded:', error.message));
      }
    }
    else if (message.to === 'close') hub.closeChannel(message.channelHash);
    else if (message.by !== instance) hub.closeChannel(message.channelHash, 4000, 'replaced');
  };
  const unsubscribe = bus.subscribe((payload) => {
    let message: RelayMessage;
    try {
      message = JSON.parse(openSecret(key, payload, PURPOSE)) as RelayMessage;
    } catch {
      return; // Not sealed with this site's key: ignored.
    }
    deliver(message);
  });
  // Events sent while this process was not listening are lost: every socket is closed so its client reconnects (once
  // the bus is back) and asks what it missed, as it does after any drop.
  const stopDeaf = bus.onDeaf(() => hub.closeAll(1012, 'live updates interrupted'));
  const send = async (message: RelayMessage) => {
    try {
      await bus.publish(sealSecret(key, JSON.stringify(message), PURPOSE));
    } catch (error) {
      console.error('[site] a live update could not be sent:', (error as Error).message);
    }
  };
  return {
    toPage: (binding, event) => send({ to: 'page', binding, event }),
    toChannel: (channelHash, event, pinHash) => send({ to: 'channel', channelHash, event, pinHash }),
    closeChannel: (channelHash) => send({ to: 'close', channelHash }),
    claimChannel: (channelHash) => send({ to: 'claim', channelHash, by: instance }),
    isListening: () => bus.isListening(),
    close: () => {
      unsubscribe();
      stopDeaf();
    },
  };
}
