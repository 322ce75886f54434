import type { Request } from 'express';
import type { RequestInfo } from '../context';
import { parseDeviceTokens } from '../auth/devices';
import { DEVICE_COOKIE, readCookie } from './cookies';

export function requestInfo(req: Request): RequestInfo {
  return { ip: req.ip ?? '', userAgent: req.get('user-agent') ?? '', deviceTokens: parseDeviceTokens(readCookie(req, DEVICE_COOKIE)) };
}
