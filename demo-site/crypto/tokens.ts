// Bearer tokens (session ids, sign-in tickets): random, and stored only as a SHA-256 hash so a copy of the data file
// cannot be used to sign in.
import { createHash, randomBytes, randomUUID } from 'node:crypto';

export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function createId(): string {
  return randomUUID();
}
