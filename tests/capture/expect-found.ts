// The assertion every corpus scan shares: the page's codes, all read as accounts tied to the page's site.
import { expect } from 'vitest';
import { parseOtpauthUri } from '#shared/otp/index.ts';
import type { ScanResult } from '../../extension/capture/types';

export function expectFound(response: ScanResult, expected: string[]): void {
  expect(response, JSON.stringify(response).slice(0, 300)).toHaveProperty('findings');
  expect(response.findings).toEqual(expected.map((uri) => ({ kind: 'account', account: { ...parseOtpauthUri(uri), sites: ['example.com'] } })));
}
