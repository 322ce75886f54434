// The answer to a JSON request that completed a sign-in: a session cookie (replacing the browser's old session) and
// the user, or, for an API client that asked, the user and its tokens in the body (no cookie at all).
// A browser also gets its device cookie for the account.
import type { Request, Response } from 'express';
import type { SiteContext } from '../context';
import { toPublicUser } from '../accounts/users';
import type { Credential } from '../auth/credentials';
import type { User } from '../storage/rows';
import { issueTokenSet } from '../tokens/refresh';
import { replaceSession } from './session-middleware';
import { computeSiteOrigin } from './site-origin';
import { setDeviceCookie } from './trusted-device';

export async function answerSignedIn(ctx: SiteContext, req: Request, res: Response, signedIn: { user: User; credential: Credential }, extra: Record<string, unknown> = {}, status = 200): Promise<void> {
  const { user, credential } = signedIn;
  if (credential.kind === 'session') {
    await replaceSession(ctx, req, res, credential.sessionId);
    setDeviceCookie(ctx, req, res, credential.deviceTokens);
    res.status(status).json({ user: toPublicUser(user), ...extra });
    return;
  }
  const tokens = await issueTokenSet(ctx, credential, computeSiteOrigin(ctx.config, req));
  res.status(status).json({ user: toPublicUser(user), ...extra, tokens });
}
