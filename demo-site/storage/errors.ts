// The storage's own failure: the database cannot be reached (down, restarting, refusing connections). Nothing of the
// request that met it was written; the site answers 503 and works again when the database is back.
import { UnavailableError } from '../errors';

export class StorageUnavailableError extends UnavailableError {
  constructor(options?: { cause?: unknown }) {
    super('storage_unavailable', 'The site cannot reach its database right now, so nothing was changed. Try again in a moment.');
    if (options?.cause) Object.defineProperty(this, 'cause', { value: options.cause, enumerable: false });
  }
}
