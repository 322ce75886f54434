// From decoded QR texts to what the popup shows: classified, tied to the tab's site, and, for an export in several
// parts, with its progress recorded. Whether a key is already in Tessera is the popup's question (vault/twins.ts).
import type { QrDecodeResult } from '#shared/qr/index.ts';
import { siteOf } from '../sites/sites';
import { classifyQrText } from './classify';
import type { KeyValueArea } from '../storage/area';
import { recordBatchPart } from './migration-progress';
import type { CapturedAccount, ScanFinding, ScanResult } from './types';

export interface FindingContext {
  /** The page the codes were on; null for a picture. */
  tabUrl: string | null;
  progress: KeyValueArea;
}

export type Decoded = Pick<QrDecodeResult, 'texts' | 'timedOut' | 'unreadable'>;

export async function buildScanResult(decoded: Decoded, context: FindingContext, nothingFound: (decoded: Decoded) => string): Promise<ScanResult> {
  const site = context.tabUrl ? siteOf(context.tabUrl) : null;
  const classified: ScanFinding[] = [];
  // One after another: two parts of one export on a page must both land in its progress.
  for (const text of decoded.texts) classified.push(await finishFinding(classifyQrText(text), site, context));
  const findings = preferPairing(classified);
  const result: ScanResult = { findings, timedOut: decoded.timedOut, site, tabUrl: context.tabUrl };
  return findings.length > 0 ? result : { ...result, message: nothingFound(decoded) };
}

async function finishFinding(finding: ScanFinding, site: string | null, context: FindingContext): Promise<ScanFinding> {
  if (finding.kind === 'account') return { ...finding, account: { ...finding.account, sites: site ? [site] : [] } };
  if (finding.kind === 'migration') {
    const progress = await recordBatchPart(context.progress, finding);
    // An export holds the accounts of many sites, and the page showing it is none of them (an image viewer, a notes
    // page): binding them there would let that page get every one of their codes at a plain Fill. They get no site.
    return { ...finding, accounts: finding.accounts.map((account): CapturedAccount => ({ ...account, sites: [] })), progress };
  }
  return finding;
}

/**
 * An enrolment page that offers a Tessera pairing QR shows the standard otpauth QR beside it for other authenticators:
 * the same key. Pairing is the one to follow (it also tells the page), so the standard code is not offered twice.
 */
export function preferPairing(findings: ScanFinding[]): ScanFinding[] {
  const pairs = findings.some((finding) => finding.kind === 'tessera-link' && /^tessera:pair\?/i.test(finding.text));
  return pairs ? findings.filter((finding) => finding.kind !== 'account') : findings;
}
