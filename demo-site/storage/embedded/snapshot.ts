// The data file (lowdb, tessera-site.json): every durable table but the audit log, which lives in its own files, and
// how far that log is committed. Files of older versions are brought up to date step by step at start.
import type {
  AuditEntry, BackupCode, BackupCodeRequest, BackupDelivery, Device, LinkToken, MailMessage, Recovery, RefreshFamily, RefreshToken, Session, SigningKey, Ticket, User,
} from '../rows';
import { EMPTY_AUDIT, type AuditPosition } from './audit-files';

export const DATA_FILE = 'tessera-site.json';

export interface Snapshot {
  version: number;
  users: User[];
  backupCodes: BackupCode[];
  sessions: Session[];
  tickets: Ticket[];
  backupRequests: BackupCodeRequest[];
  linkTokens: LinkToken[];
  mail: MailMessage[];
  recoveries: Recovery[];
  backupDeliveries: BackupDelivery[];
  devices: Device[];
  signingKeys: SigningKey[];
  refreshFamilies: RefreshFamily[];
  refreshTokens: RefreshToken[];
  audit: AuditPosition;
}

type Document = Record<string, any>;
interface Step { doc: Document; audit?: AuditEntry[] }

/**
 * Version 0 (no `version`): backup codes inside each user, the audit log inside the file (cut to its newest 50,000),
 * requests as `backupCodeRequests`. Version 1: one row per backup code, the audit log in JSON-lines files.
 */
function toVersion1(doc: Document): Step {
  const users = (doc.users ?? []) as (User & { backupCodes?: { hash: string; usedAt: number | null }[] })[];
  return {
    doc: {
      version: 1,
      users: users.map(({ backupCodes: _codes, ...user }) => user),
      backupCodes: users.flatMap((user) => (user.backupCodes ?? []).map((code) => ({ userId: user.id, hash: code.hash, usedAt: code.usedAt }))),
      sessions: doc.sessions ?? [],
      tickets: doc.tickets ?? [],
      backupRequests: doc.backupCodeRequests ?? [],
      audit: EMPTY_AUDIT,
    },
    audit: doc.audit ?? [],
  };
}

/**
 * Version 2: email verification, freezing and recovery on each user (accounts made before verification existed count
 * as verified), and the tables of mail, links, recoveries, backup-code deliveries and devices.
 */
function toVersion2(doc: Document): Step {
  const users = (doc.users ?? []) as User[];
  return {
    doc: {
      ...doc,
      version: 2,
      users: users.map((user) => ({ ...user, emailVerifiedAt: user.createdAt, frozenAt: null, enrolRequired: false })),
      linkTokens: [], mail: [], recoveries: [], backupDeliveries: [], devices: [],
    },
  };
}

/** Version 3: signing keys and refresh-token families; a ticket says whether its sign-in ends in tokens. */
function toVersion3(doc: Document): Step {
  return {
    doc: {
      ...doc,
      version: 3,
      tickets: (doc.tickets ?? []).map((ticket: Ticket) => ({ ...ticket, wantsTokens: ticket.wantsTokens ?? false })),
      signingKeys: [], refreshFamilies: [], refreshTokens: [],
    },
  };
}

/** MIGRATIONS[i] takes a document of version i to version i + 1. A new version adds a step here. */
const MIGRATIONS: ((doc: Document) => Step)[] = [toVersion1, toVersion2, toVersion3];
export const SNAPSHOT_VERSION = MIGRATIONS.length;

export const emptySnapshot = (): Snapshot => ({
  version: SNAPSHOT_VERSION, users: [], backupCodes: [], sessions: [], tickets: [], backupRequests: [],
  linkTokens: [], mail: [], recoveries: [], backupDeliveries: [], devices: [], signingKeys: [], refreshFamilies: [], refreshTokens: [],
  audit: { ...EMPTY_AUDIT },
});

/**
 * The file's data at the current version, the audit entries older versions kept inside it, whether it changed, and
 * whether it records how far the audit files were committed (from version 1 on).
 */
export function upgradeSnapshot(raw: Document | null): { snapshot: Snapshot; movedAudit: AuditEntry[]; upgraded: boolean; auditCommitted: boolean } {
  if (raw === null) return { snapshot: emptySnapshot(), movedAudit: [], upgraded: false, auditCommitted: false };
  const from = typeof raw.version === 'number' ? raw.version : 0;
  if (from > SNAPSHOT_VERSION) {
    throw new Error(`The data file was written by a newer version of the site (data version ${from}): update the site, or restore a backup.`);
  }
  let doc = raw;
  const movedAudit: AuditEntry[] = [];
  for (const step of MIGRATIONS.slice(from)) {
    const next = step(doc);
    doc = next.doc;
    movedAudit.push(...(next.audit ?? []));
  }
  return { snapshot: doc as Snapshot, movedAudit, upgraded: from < SNAPSHOT_VERSION, auditCommitted: from >= 1 };
}
