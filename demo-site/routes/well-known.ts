// GET /.well-known/jwks.json: the public keys that verify the site's access tokens (the current key and retired ones
// whose tokens may still be valid). Public, readable from any origin, cached briefly: a rotation shows within a minute,
// and a verifier that meets an unknown key id fetches the set again.
import { Router } from 'express';
import type { SiteContext } from '../context';

export function wellKnown(ctx: SiteContext): Router {
  const router = Router();
  router.get('/.well-known/jwks.json', async (_req, res) => {
    res.set({ 'Cache-Control': 'public, max-age=60', 'Access-Control-Allow-Origin': '*' });
    res.json({ keys: await ctx.keyring.publicJwks() });
  });
  return router;
}
