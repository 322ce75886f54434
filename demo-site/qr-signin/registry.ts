// Live QR sign-ins and pairings, in memory only: each lives at most 10 minutes, so a restart simply ends them.
// Indexed by the SHA-256 of their token and of their channel token; the tokens themselves are never kept.
import { hashToken } from '../crypto/tokens';

export type QrKind = 'signin' | 'pair';
/** waiting: shown, not scanned. scanned: PIN step. paired: secret handed out. locked: too many wrong PINs. done: signed in. */
export type QrState = 'waiting' | 'scanned' | 'paired' | 'locked' | 'done';

export interface PinState {
  hash: string;
  expiresAt: number;
  /** The PIN this one replaced: entering it answers "expired" instead of counting as a wrong guess. */
  previousHash: string | null;
  /** Whether the extension has this PIN; one it never received is replaced when it connects. */
  delivered: boolean;
}

export interface QrSession {
  /** Not secret: ties the audit entries of one QR together. */
  id: string;
  kind: QrKind;
  tokenHash: string;
  /** Hash of what the owning browser holds: the QR cookie (sign-in) or the session id (pairing). */
  binding: string;
  createdAt: number;
  qrExpiresAt: number;
  state: QrState;
  /** Sign-in: the account that scanned. Pairing: the account being set up. */
  userId: string | null;
  /** Pairing: the sealed pending secret this QR hands out (a newer pending secret makes the QR void). */
  pendingBox: string | null;
  device: string | null;
  pin: PinState | null;
  pinFailures: number;
  channelHash: string | null;
}

export class QrRegistry {
  private readonly byToken = new Map<string, QrSession>();
  private readonly byChannel = new Map<string, QrSession>();

  get size(): number {
    return this.byToken.size;
  }

  add(session: QrSession): void {
    this.byToken.set(session.tokenHash, session);
  }

  findByToken(token: string): QrSession | undefined {
    return this.byToken.get(hashToken(token));
  }

  findByChannel(channelToken: string): QrSession | undefined {
    return this.byChannel.get(hashToken(channelToken));
  }

  setChannel(session: QrSession, channelHash: string): void {
    session.channelHash = channelHash;
    this.byChannel.set(channelHash, session);
  }

  dropChannel(session: QrSession): void {
    if (session.channelHash) this.byChannel.delete(session.channelHash);
  }

  remove(session: QrSession): void {
    this.byToken.delete(session.tokenHash);
    this.dropChannel(session);
  }

  all(): QrSession[] {
    return [...this.byToken.values()];
  }

  hasBinding(binding: string): boolean {
    for (const session of this.byToken.values()) if (session.binding === binding) return true;
    return false;
  }

  waitingFor(binding: string, kind: QrKind): QrSession[] {
    return this.all().filter((session) => session.binding === binding && session.kind === kind && session.state === 'waiting');
  }
}
