// Server-side rendering with preact-render-to-string (escapes by default).
import type { Response } from 'express';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { SiteError } from '../errors';
import type { FieldErrors } from './form-parts';

export function sendPage(res: Response, page: VNode, status = 200): void {
  res.status(status).type('html').set('Cache-Control', 'no-store').send(`<!doctype html>${renderToString(page)}`);
}

/** A SiteError as messages for a form: next to its field when it names one, above the form otherwise. */
export function errorsFor(error: unknown): FieldErrors {
  if (!(error instanceof SiteError)) throw error;
  const field = error.details.field;
  return typeof field === 'string' ? { [field]: error.message } : { form: error.message };
}
