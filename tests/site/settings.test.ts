import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig, SETTING_NAMES } from '../../demo-site/config';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The rows of the README's "Demo site settings" table: variable name -> default as written. */
function readSettingsTable(): Map<string, string> {
  const section = readme.split('### Demo site settings')[1]?.split(/\n#{2,3} /)[0] ?? '';
  const rows = [...section.matchAll(/^\| `([A-Z0-9_]+)` \| ([^|]+) \|/gm)];
  return new Map(rows.map(([, name, fallback]) => [name, fallback.trim()]));
}

describe('settings', () => {
  it('are all listed in the README table, and the table lists nothing the site does not read', () => {
    const table = readSettingsTable();
    expect([...table.keys()].sort()).toEqual([...SETTING_NAMES].sort());
  });

  it('have the defaults the README gives', () => {
    const table = readSettingsTable();
    const config = loadConfig({});
    const shown: Record<string, unknown> = {
      PORT: config.port, HOST: config.host, DATA_DIR: config.dataDir, MFA_POLICY: config.mfaPolicy,
      ARGON2_MEMORY_KIB: config.argon2.memoryCost, ARGON2_TIME_COST: config.argon2.timeCost, ARGON2_PARALLELISM: config.argon2.parallelism,
      SESSION_IDLE_MINUTES: config.session.idleMs / 60_000, SESSION_ABSOLUTE_HOURS: config.session.absoluteMs / 3_600_000,
      TICKET_TTL_MINUTES: config.ticket.ttlMs / 60_000, TICKET_MAX_ATTEMPTS: config.ticket.maxAttempts,
      LOCKOUT_THRESHOLD: config.lockout.threshold, LOCKOUT_MINUTES: config.lockout.durationMs / 60_000,
      PENDING_ACCOUNT_MINUTES: config.pendingAccountMs / 60_000, RATE_LIMIT_WINDOW_MINUTES: config.rateLimit.windowMs / 60_000,
      RATE_LIMIT_SIGNIN: config.rateLimit.signin, RATE_LIMIT_SIGNUP: config.rateLimit.signup,
      RATE_LIMIT_BACKUP_REQUESTS: config.rateLimit.backupRequests, RATE_LIMIT_QR_GENERATE: config.rateLimit.qrGenerate,
      RATE_LIMIT_QR_SCAN: config.rateLimit.qrScan, RATE_LIMIT_PIN_VERIFY: config.rateLimit.pinVerify, RATE_LIMIT_MAIL: config.rateLimit.mail,
      THROTTLE_FREE_FAILURES: config.throttle.freeFailures, THROTTLE_BASE_SECONDS: config.throttle.baseMs / 1000,
      THROTTLE_MAX_MINUTES: config.throttle.maxMs / 60_000, DEVICE_COOKIE_DAYS: config.throttle.deviceMs / 86_400_000,
      DEVICE_COOKIE_MAX_FAILURES: config.throttle.deviceMaxFailures,
      EMAIL_VERIFICATION: config.email.verification, MAIL_FROM: config.email.from, RECOVERY_DELAY_HOURS: config.recoveryDelayMs / 3_600_000,
    };
    for (const [name, value] of Object.entries(shown)) expect(table.get(name), name).toBe(`\`${value}\``);
    expect(config.trustProxy).toBe(false);
    expect(table.get('TRUST_PROXY')).toBe('`false`');
  });

  it('that cannot be used stop the start with a message naming the variable', () => {
    expect(() => loadConfig({ LOCKOUT_THRESHOLD: 'ten' })).toThrow(/LOCKOUT_THRESHOLD/);
    expect(() => loadConfig({ MFA_POLICY: 'sometimes' })).toThrow(/MFA_POLICY/);
    expect(() => loadConfig({ TESSERA_SECRET: 'short' })).toThrow(/TESSERA_SECRET must be at least 32 characters/);
    expect(() => loadConfig({ PUBLIC_ORIGIN: 'https://demo.example/path' })).toThrow(/PUBLIC_ORIGIN/);
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example' })).toThrow(/SMTP_URL must be an SMTP URL/);
    expect(() => loadConfig({ EMAIL_VERIFICATION: 'maybe' })).toThrow(/EMAIL_VERIFICATION/);
    expect(() => loadConfig({ MAIL_FROM: 'nobody' })).toThrow(/MAIL_FROM/);
  });
});
