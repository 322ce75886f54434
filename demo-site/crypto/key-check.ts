// A server key that does not match the data file (a lost key file, a changed TESSERA_SECRET) would make every
// enrolled account fail at its code step with a bare 500. Found at start instead, with words saying what to do.
import type { SiteData } from '../store/schema';
import { ConfigError } from '../errors';
import { openSecret } from './secret-box';
import { totpPurpose } from '../auth/totp-verify';

export function assertKeyOpensStore(key: Buffer, data: SiteData): void {
  const enrolled = data.users.find((user) => user.totp);
  if (!enrolled?.totp) return;
  try {
    openSecret(key, enrolled.totp.secretBox, totpPurpose(enrolled.id));
  } catch {
    throw new ConfigError(
      'The server key does not open the TOTP secrets in the data file: restore the server.key file that came with it, ' +
        'or set TESSERA_SECRET back to the value it was made with.',
    );
  }
}
