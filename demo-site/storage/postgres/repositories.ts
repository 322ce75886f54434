// Every PostgreSQL repository over one way of running statements: the pool's (made once, at start) or a transaction's
// (made for each transaction, so each repository is made only when the transaction first uses it: most use a few).
import type { Repositories } from '../repositories';
import { postgresAudit } from './audit';
import { postgresBackupCodes, postgresBackupRequests } from './backup';
import { postgresDevices, postgresThrottles } from './devices-and-throttles';
import { postgresLinkTokens, postgresMailQueue } from './mail-and-links';
import { postgresQrSessions, postgresRateLimits } from './qr-and-limits';
import { postgresBackupDeliveries, postgresRecoveries } from './recovery-and-delivery';
import { postgresSessions, postgresTickets } from './sessions';
import type { Sql } from './sql';
import { postgresRefreshTokens, postgresSigningKeys } from './tokens';
import { postgresUsers } from './users';

const REPOSITORIES: { [K in keyof Repositories]: (sql: Sql) => Repositories[K] } = {
  users: postgresUsers,
  sessions: postgresSessions,
  tickets: postgresTickets,
  backupCodes: postgresBackupCodes,
  backupRequests: postgresBackupRequests,
  audit: postgresAudit,
  qrSessions: postgresQrSessions,
  rateLimits: postgresRateLimits,
  linkTokens: postgresLinkTokens,
  mail: postgresMailQueue,
  recoveries: postgresRecoveries,
  backupDeliveries: postgresBackupDeliveries,
  devices: postgresDevices,
  throttles: postgresThrottles,
  refreshTokens: postgresRefreshTokens,
  signingKeys: postgresSigningKeys,
};

export function createPostgresRepositories(sql: Sql): Repositories {
  return Object.fromEntries(Object.entries(REPOSITORIES).map(([name, make]) => [name, make(sql)])) as unknown as Repositories;
}

class LazyRepositories {
  constructor(readonly sql: Sql) {}
}
for (const [name, make] of Object.entries(REPOSITORIES)) {
  Object.defineProperty(LazyRepositories.prototype, name, {
    get(this: LazyRepositories) {
      const repository = make(this.sql);
      Object.defineProperty(this, name, { value: repository });
      return repository;
    },
  });
}

export function transactionRepositories(sql: Sql): Repositories {
  return new LazyRepositories(sql) as unknown as Repositories;
}
