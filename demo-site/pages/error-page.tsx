// The page shown for any error outside /api: the message only, never a stack trace.
import type { Request, Response } from 'express';
import type { SiteError } from '../errors';
import { Layout } from './layout';
import { sendPage } from './render';

export function ErrorPage({ message }: { message: string }) {
  return (
    <Layout title="Something is not right">
      <p class="form-error" role="alert">{message}</p>
      <p><a href="/">Back to the start</a></p>
    </Layout>
  );
}

export function renderErrorPage(_req: Request, res: Response, error: SiteError, status: number): void {
  sendPage(res, <ErrorPage message={error.message} />, status);
}
