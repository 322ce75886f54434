import type { Request } from 'express';
import type { RequestInfo } from '../context';

export function requestInfo(req: Request): RequestInfo {
  return { ip: req.ip ?? '', userAgent: req.get('user-agent') ?? '' };
}
