// POST <origin>/api/qr/scan. The tab's activeTab grant covers its origin, so no host permission is needed.
import { CodedError } from '#shared/coded-error.ts';
import type { QrScanRequest, QrScanResponse } from '#shared/protocol/qr-signin.ts';

/** What the site refused (its own error code, e.g. already_scanned), or `network` / `unexpected_answer` / `http_<status>`. */
export class QrSignInError extends CodedError {
  override readonly name = 'QrSignInError';
}

export async function postQrScan(origin: string, request: QrScanRequest, fetchFn: typeof fetch = fetch): Promise<QrScanResponse> {
  let response: Response;
  try {
    response = await fetchFn(`${origin}/api/qr/scan`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
      credentials: 'omit',
    });
  } catch {
    throw new QrSignInError('network', `Could not reach ${origin}: check the connection and scan again.`);
  }
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | QrScanResponse | null;
  if (response.ok && body && 'kind' in body) return body;
  const error = body && 'error' in body ? body.error : undefined;
  throw new QrSignInError(error?.code ?? `http_${response.status}`, error?.message ?? `${origin} answered ${response.status}: try again.`);
}
