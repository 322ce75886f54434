// Environment variables -> typed settings. Every limit is a setting with a safe default (see docs/demo-site.md).
import { z } from 'zod';
import { ConfigError } from './errors';
import { isWebOrigin } from '#shared/protocol/qr-link.ts';

const int = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);

const envSchema = z.object({
  PORT: int(3000, 0),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@localhost:5432/tessera').optional(),
  WORKERS: int(1),
  TESSERA_SECRET: z.string().min(32, 'TESSERA_SECRET must be at least 32 characters').optional(),
  MFA_POLICY: z.enum(['required', 'optional']).default('required'),
  TRUST_PROXY: z.string().default('false'),
  ARGON2_MEMORY_KIB: int(19456, 1024),
  ARGON2_TIME_COST: int(2),
  ARGON2_PARALLELISM: int(1),
  SESSION_IDLE_MINUTES: int(30),
  SESSION_ABSOLUTE_HOURS: int(12),
  TICKET_TTL_MINUTES: int(5),
  ACCESS_TOKEN_MINUTES: int(15),
  REFRESH_TOKEN_DAYS: int(30),
  TICKET_MAX_ATTEMPTS: int(5),
  LOCKOUT_THRESHOLD: int(100),
  LOCKOUT_MINUTES: int(1440),
  THROTTLE_FREE_FAILURES: int(5, 0),
  THROTTLE_BASE_SECONDS: int(1),
  THROTTLE_MAX_MINUTES: int(15),
  DEVICE_COOKIE_DAYS: int(180),
  DEVICE_COOKIE_MAX_FAILURES: int(10),
  EMAIL_VERIFICATION: z.enum(['required', 'optional', 'off']).default('required'),
  SMTP_URL: z.string().regex(/^smtps?:\/\/\S+$/, 'SMTP_URL must be an SMTP URL such as smtp://localhost:1025 or smtps://user:password@mail.example:465').optional(),
  MAIL_FROM: z.string().min(3).max(200).refine((text) => /@/.test(text) && !/[\r\n]/.test(text), 'MAIL_FROM must be an address such as "Tessera Demo <no-reply@demo.example>"').default('Tessera Demo <no-reply@tessera.test>'),
  RECOVERY_DELAY_HOURS: int(24, 0),
  PENDING_ACCOUNT_MINUTES: int(30),
  RATE_LIMIT_WINDOW_MINUTES: int(15),
  RATE_LIMIT_SIGNIN: int(30),
  RATE_LIMIT_SIGNUP: int(10),
  RATE_LIMIT_BACKUP_REQUESTS: int(5),
  RATE_LIMIT_QR_GENERATE: int(60),
  RATE_LIMIT_QR_SCAN: int(30),
  RATE_LIMIT_PIN_VERIFY: int(30),
  RATE_LIMIT_MAIL: int(5),
  PUBLIC_ORIGIN: z.string().refine(isWebOrigin, 'PUBLIC_ORIGIN must be a bare origin such as https://demo.example (scheme, host, port; no path)').optional(),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(8).optional(),
});

/** Every environment variable the site reads (the README's settings table lists each). */
export const SETTING_NAMES = Object.keys(envSchema.shape);

export type MfaPolicy = 'required' | 'optional';
export type EmailVerification = 'required' | 'optional' | 'off';
export interface Argon2Params { memoryCost: number; timeCost: number; parallelism: number }

export interface SiteConfig {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL when set; the embedded store in `dataDir` otherwise. */
  databaseUrl?: string;
  /** Processes serving the port (node:cluster); more than one needs PostgreSQL. */
  workers: number;
  secret?: string;
  mfaPolicy: MfaPolicy;
  trustProxy: boolean | number | string;
  argon2: Argon2Params;
  session: { idleMs: number; absoluteMs: number };
  ticket: { ttlMs: number; maxAttempts: number };
  /** API clients' tokens: how long an access token is valid, and a refresh token unused. */
  tokens: { accessTtlMs: number; refreshTtlMs: number };
  /** The hard lock, for clients without a device cookie of the account, after `threshold` consecutive failures. */
  lockout: { threshold: number; durationMs: number };
  /** Per-client delays, and what a device cookie is worth (OWASP "device cookies"). */
  throttle: { freeFailures: number; baseMs: number; maxMs: number; deviceMs: number; deviceMaxFailures: number };
  email: { verification: EmailVerification; smtpUrl?: string; from: string };
  recoveryDelayMs: number;
  pendingAccountMs: number;
  rateLimit: { windowMs: number; signin: number; signup: number; backupRequests: number; qrGenerate: number; qrScan: number; pinVerify: number; mail: number };
  /** The origin named in QR links and expected from pages' WebSockets; taken from each request when unset. */
  publicOrigin?: string;
  admin?: { email: string; password?: string };
}

const MINUTE = 60_000;

function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false' || value === '') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** Reads settings from the environment; throws ConfigError naming the variable to fix. */
export function loadConfig(env: Record<string, string | undefined> = process.env): SiteConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Setting ${String(issue?.path[0])} is not valid: ${issue?.message}`);
  }
  const e = parsed.data;
  // A password with no account to give it to would be silently ignored: say so instead.
  if (e.ADMIN_PASSWORD && !e.ADMIN_EMAIL) throw new ConfigError('Setting ADMIN_PASSWORD needs ADMIN_EMAIL: set the administrator\'s email too, or unset ADMIN_PASSWORD.');
  if (e.WORKERS > 1 && !e.DATABASE_URL) {
    throw new ConfigError('Setting WORKERS above 1 needs DATABASE_URL: the embedded store serves one process. Set DATABASE_URL, or unset WORKERS.');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    workers: e.WORKERS,
    secret: e.TESSERA_SECRET,
    mfaPolicy: e.MFA_POLICY,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    argon2: { memoryCost: e.ARGON2_MEMORY_KIB, timeCost: e.ARGON2_TIME_COST, parallelism: e.ARGON2_PARALLELISM },
    session: { idleMs: e.SESSION_IDLE_MINUTES * MINUTE, absoluteMs: e.SESSION_ABSOLUTE_HOURS * 60 * MINUTE },
    ticket: { ttlMs: e.TICKET_TTL_MINUTES * MINUTE, maxAttempts: e.TICKET_MAX_ATTEMPTS },
    tokens: { accessTtlMs: e.ACCESS_TOKEN_MINUTES * MINUTE, refreshTtlMs: e.REFRESH_TOKEN_DAYS * 24 * 60 * MINUTE },
    lockout: { threshold: e.LOCKOUT_THRESHOLD, durationMs: e.LOCKOUT_MINUTES * MINUTE },
    throttle: {
      freeFailures: e.THROTTLE_FREE_FAILURES, baseMs: e.THROTTLE_BASE_SECONDS * 1000, maxMs: e.THROTTLE_MAX_MINUTES * MINUTE,
      deviceMs: e.DEVICE_COOKIE_DAYS * 24 * 60 * MINUTE, deviceMaxFailures: e.DEVICE_COOKIE_MAX_FAILURES,
    },
    email: { verification: e.EMAIL_VERIFICATION, smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    recoveryDelayMs: e.RECOVERY_DELAY_HOURS * 60 * MINUTE,
    pendingAccountMs: e.PENDING_ACCOUNT_MINUTES * MINUTE,
    rateLimit: {
      windowMs: e.RATE_LIMIT_WINDOW_MINUTES * MINUTE,
      signin: e.RATE_LIMIT_SIGNIN,
      signup: e.RATE_LIMIT_SIGNUP,
      backupRequests: e.RATE_LIMIT_BACKUP_REQUESTS,
      qrGenerate: e.RATE_LIMIT_QR_GENERATE,
      qrScan: e.RATE_LIMIT_QR_SCAN,
      pinVerify: e.RATE_LIMIT_PIN_VERIFY,
      mail: e.RATE_LIMIT_MAIL,
    },
    publicOrigin: e.PUBLIC_ORIGIN,
    admin: e.ADMIN_EMAIL ? { email: e.ADMIN_EMAIL.toLowerCase(), password: e.ADMIN_PASSWORD } : undefined,
  };
}
