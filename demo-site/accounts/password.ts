// Argon2id password hashing. The parameters travel inside the encoded hash, so a hash made with older (weaker)
// settings is recognised and replaced at the next successful sign-in.
import argon2 from 'argon2';
import type { Argon2Params } from '../config';

/** OWASP Password Storage Cheat Sheet: the minimum for Argon2id. */
export const OWASP_MINIMUM: Argon2Params = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string, params: Argon2Params): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, ...params });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

export function needsRehash(hash: string, params: Argon2Params): boolean {
  return !hash.startsWith('$argon2id$') || argon2.needsRehash(hash, params);
}

const dummyHashes = new Map<string, Promise<string>>();

/** A hash of nothing in particular, verified when the email is unknown so both failures take the same time. */
export function dummyHash(params: Argon2Params): Promise<string> {
  const key = `${params.memoryCost}/${params.timeCost}/${params.parallelism}`;
  let hash = dummyHashes.get(key);
  if (!hash) {
    hash = hashPassword('dummy password for timing', params);
    dummyHashes.set(key, hash);
  }
  return hash;
}
