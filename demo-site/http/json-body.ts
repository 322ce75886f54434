// /api takes JSON only (415 otherwise), at most 16 KB (413).
import express, { type NextFunction, type Request, type Response } from 'express';
import { UnsupportedRequestError } from '../errors';

export const BODY_LIMIT = '16kb';

function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

export function requireJson(req: Request, _res: Response, next: NextFunction): void {
  if (!hasBody(req) || req.is('application/json')) return next();
  next(new UnsupportedRequestError('unsupported_media_type', 'Send the request body as JSON (Content-Type: application/json).'));
}

export const parseJson = express.json({ limit: BODY_LIMIT, strict: true });
export const parseForm = express.urlencoded({ limit: BODY_LIMIT, extended: false });
