import type { Request, Response } from 'express';
import type { SiteError } from '../errors';
import { sendPage } from '../pages/render';
import { ErrorPage } from '../pages/error-page';

export function renderErrorPage(_req: Request, res: Response, error: SiteError): void {
  sendPage(res, <ErrorPage message={error.message} />, error.status);
}
