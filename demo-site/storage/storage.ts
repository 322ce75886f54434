// What an adapter opens: the repositories, transactions over them, the event bus between the site's processes, and
// bulk copying (import from another store, inspection). `open-storage.ts` picks the adapter.
import type { Repositories } from './repositories';
import type {
  AuditEntry, BackupCode, BackupCodeRequest, BackupDelivery, Device, LinkToken, MailMessage, Recovery, RefreshFamily, RefreshToken, Session, SigningKey,
  Ticket, User,
} from './rows';

export interface TransferRows {
  users: User;
  backupCodes: BackupCode;
  backupRequests: BackupCodeRequest;
  audit: AuditEntry;
  sessions: Session;
  tickets: Ticket;
  linkTokens: LinkToken;
  mail: MailMessage;
  recoveries: Recovery;
  backupDeliveries: BackupDelivery;
  devices: Device;
  signingKeys: SigningKey;
  refreshFamilies: RefreshFamily;
  refreshTokens: RefreshToken;
}
export type TransferTable = keyof TransferRows;
/** In the order that respects references (users before what belongs to them). */
export const TRANSFER_TABLES: readonly TransferTable[] = [
  'users', 'backupCodes', 'backupRequests', 'sessions', 'tickets', 'linkTokens', 'recoveries', 'backupDeliveries', 'devices', 'mail',
  'signingKeys', 'refreshFamilies', 'refreshTokens', 'audit',
];

export interface Transfer {
  /** Every row of a table, in batches. */
  export<T extends TransferTable>(table: T): AsyncIterable<TransferRows[T][]>;
  /** Adds the rows that are not there yet (same primary key); returns how many were added. Idempotent. */
  import<T extends TransferTable>(table: T, rows: TransferRows[T][]): Promise<number>;
}

/** Messages between the site's processes (one process: within it). Delivered to every subscriber, the sender's too. */
export interface EventBus {
  publish(message: string): Promise<void>;
  subscribe(listener: (message: string) => void): () => void;
  /** False while messages of other processes cannot arrive (the database is away): they are lost, not queued. */
  isListening(): boolean;
  /** `listener` runs each time the bus stops hearing the other processes. */
  onDeaf(listener: () => void): () => void;
}

export interface Storage extends Repositories {
  readonly kind: 'memory' | 'embedded' | 'postgres';
  /** Where the data lives, for messages (never a password). */
  readonly description: string;
  /**
   * Runs `work` with repositories whose changes take effect together when it returns, or not at all if it throws. A
   * change that returns nothing may report its failure only there (PostgreSQL sends it later): the transaction fails.
   */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  readonly bus: EventBus;
  readonly transfer: Transfer;
  close(): Promise<void>;
}
