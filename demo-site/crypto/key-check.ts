// A server key that does not match the stored data (a lost key file, a changed TESSERA_SECRET) would make every
// enrolled account fail at its code step with a bare 500. Found at start instead, with words saying what to do.
import type { Storage } from '../storage/storage';
import { ConfigError } from '../errors';
import { openSecret } from './secret-box';
import { totpPurpose } from '../auth/totp-verify';

export async function assertKeyOpensStore(key: Buffer, storage: Storage): Promise<void> {
  const enrolled = await storage.users.findAnyEnrolled();
  if (!enrolled?.totp) return;
  try {
    openSecret(key, enrolled.totp.secretBox, totpPurpose(enrolled.id));
  } catch {
    throw new ConfigError(
      `The server key does not open the TOTP secrets stored in ${storage.description}: restore the server.key file that came with them, ` +
        'or set TESSERA_SECRET back to the value it was made with.',
    );
  }
}
