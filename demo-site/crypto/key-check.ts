// A server key that does not match the stored data (a lost key file, a changed TESSERA_SECRET) would make every
// enrolled account fail at its code step, and every token request, with a bare 500. Found at start instead, with
// words saying what to do.
import type { Storage } from '../storage/storage';
import { ConfigError } from '../errors';
import { openSecret } from './secret-box';
import { totpPurpose } from '../auth/totp-verify';
import { canOpenSigningKey } from '../tokens/keyring';

function opensTotpSecret(key: Buffer, user: { id: string; totp: { secretBox: string } }): boolean {
  try {
    openSecret(key, user.totp.secretBox, totpPurpose(user.id));
    return true;
  } catch {
    return false;
  }
}

export async function assertKeyOpensStore(key: Buffer, storage: Storage): Promise<void> {
  const enrolled = await storage.users.findAnyEnrolled();
  const [signingKey] = await storage.signingKeys.list();
  const what = enrolled?.totp && !opensTotpSecret(key, { id: enrolled.id, totp: enrolled.totp })
    ? 'the TOTP secrets'
    : signingKey && !canOpenSigningKey(key, signingKey) ? 'the key that signs access tokens' : null;
  if (!what) return;
  throw new ConfigError(
    `The server key does not open ${what} stored in ${storage.description}: restore the server.key file that came with them, ` +
      'or set TESSERA_SECRET back to the value it was made with.',
  );
}
