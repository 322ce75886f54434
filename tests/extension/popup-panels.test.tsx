// Panels of the popup and options page drawn without a browser: what they say and which buttons they offer follow
// from their data alone (a twin, duplicates, the page's site), and a secret never reaches the markup.
import { describe, expect, it } from 'vitest';
import { render } from 'preact-render-to-string';
import { AccountPreview } from '../../extension/ui/components/AccountPreview';
import { MigrationPreview } from '../../extension/ui/components/MigrationPreview';
import { FillWarning } from '../../extension/ui/components/FillWarning';
import { ImportPreviewList } from '../../extension/entrypoints/options/ImportPreviewList';
import type { CapturedAccount, MigrationFinding } from '../../extension/capture/types';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
const buttons = (html: string) => [...html.matchAll(/<button[^>]*>(.*?)<\/button>/g)].map((m) => text(m[1]));
const noop = () => undefined;
const scanned: CapturedAccount = {
  type: 'totp', issuer: 'Example', account: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6,
  period: 30, counter: 0, sites: ['example.com'],
};

describe('the scan preview', () => {
  it('offers to add a new key, and never shows it', () => {
    const html = render(<AccountPreview finding={{ kind: 'account', account: scanned }} twin={null} onAdd={noop} onCancel={noop} />);
    expect(text(html)).toContain('Add Example: alice@example.com?');
    expect(buttons(html)).toEqual(['Cancel', 'Add account']);
    expect(html).not.toContain(scanned.secret);
  });

  it('offers to update the twin first when the key is already in Tessera', () => {
    const html = render(<AccountPreview finding={{ kind: 'account', account: scanned }} twin={{ issuer: 'My bank', account: 'alice' }} onAdd={noop} onCancel={noop} />);
    expect(text(html)).toContain('This key is already in Tessera as My bank: alice.');
    expect(buttons(html)).toEqual(['Cancel', 'Add a second copy', 'Update My bank: alice']);
  });

  it('counts only an export\'s new accounts, and marks the ones already there', () => {
    const finding: MigrationFinding = {
      kind: 'migration', refused: [], batchIndex: 0, batchSize: 1, batchId: 1,
      accounts: [{ ...scanned, sites: [] }, { ...scanned, issuer: 'Other', secret: 'MFRGGZDFMZTWQ2LK', sites: [] }],
    };
    const html = render(<MigrationPreview finding={finding} isTwin={(secret) => secret === scanned.secret} onImport={noop} onCancel={noop} />);
    expect(text(html)).toContain('Example: alice@example.com (already in Tessera, left as it is)');
    expect(buttons(html)).toEqual(['Cancel', 'Import 1 account']);
  });
});

describe('the fill warning', () => {
  it('names the page\'s site in its question, its words and its button', () => {
    const html = render(<FillWarning account={{ issuer: 'GitHub', account: 'octocat', sites: ['github.com'] }} site="githib.com" onConfirm={noop} onCancel={noop} />);
    expect(text(html)).toContain('Fill on githib.com?');
    expect(text(html)).toContain('githib.com is not a site of GitHub: octocat. It fills on github.com.');
    expect(buttons(html)).toEqual(['Cancel', 'Fill on githib.com anyway']);
  });
});

describe('the import preview', () => {
  it('says what will be added from which format, what is skipped, and what is refused and why', () => {
    const html = render(<ImportPreviewList onImport={noop} onCancel={noop} preview={{
      format: 'aegis',
      accounts: [{ ...scanned, duplicate: false }, { ...scanned, issuer: 'Kept', duplicate: true }],
      refused: [{ entry: "entry 'Steam'", reason: 'Steam codes are not supported.' }],
    }} />);
    expect(text(html)).toContain('Preview: 1 to add from Aegis export');
    expect(text(html)).toContain('already in Tessera, will be skipped');
    expect(text(html)).toContain("entry 'Steam': Steam codes are not supported.");
    expect(buttons(html)).toEqual(['Import 1 account', 'Cancel']);
  });
});
