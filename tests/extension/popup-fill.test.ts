// The popup's fill decisions as plain functions, without a browser: which accounts get a plain Fill, what a fill's
// outcome leads to, and what the warning says.
import { describe, expect, it } from 'vitest';
import { fillAccountCode } from '../../extension/ui/page/fill-account';
import { describeForeignFrame, describeNoField, describeWrongSite } from '../../extension/ui/text/describe-fill';
import { isBoundTo, siteOf } from '../../extension/sites/sites';
import type { FillOutcome } from '../../extension/autofill/page-agent';

const github = { issuer: 'GitHub', account: 'octocat', sites: ['github.com'] };

describe('which pages an account fills on', () => {
  it('fills on its registrable domain, subdomains included, and on no look-alike', () => {
    expect(isBoundTo(github, siteOf('https://github.com/login'))).toBe(true);
    expect(isBoundTo(github, siteOf('https://gist.github.com/'))).toBe(true);
    for (const url of ['https://github.com.evil.example/login', 'https://githib.com/', 'https://github.co/', 'https://evil-github.com/', 'chrome://settings']) {
      expect(isBoundTo(github, siteOf(url))).toBe(false);
    }
  });
});

describe('fillAccountCode', () => {
  const answering = (outcome: FillOutcome | Error) => {
    const calls: unknown[] = [];
    const fill = async (_tabId: number, request: unknown) => {
      calls.push(request);
      if (outcome instanceof Error) throw outcome;
      return outcome;
    };
    return { calls, deps: { fill } };
  };

  it('passes the account\'s sites and the confirmed site to the page, which checks them again', async () => {
    const { calls, deps } = answering({ status: 'filled', kind: 'single', site: 'github.com' });
    expect(await fillAccountCode(7, github, '123456', null, deps)).toEqual({ kind: 'filled', outcome: { status: 'filled', kind: 'single', site: 'github.com' } });
    await fillAccountCode(7, github, '123456', 'githib.com', deps);
    expect(calls).toEqual([{ code: '123456', sites: ['github.com'], confirmedSite: null }, { code: '123456', sites: ['github.com'], confirmedSite: 'githib.com' }]);
  });

  it('turns a refusal by the page into the warning, naming the page\'s site', async () => {
    const { deps } = answering({ status: 'wrong_site', site: 'evil.example' });
    expect(await fillAccountCode(7, github, '123456', null, deps)).toEqual({ kind: 'confirm', site: 'evil.example' });
  });

  it('reports a field in a frame of another site, and whether that site is one of the account\'s', async () => {
    const outcome = (frameSite: string): FillOutcome => ({ status: 'foreign_frame', site: 'github.com', frameSite });
    expect(await fillAccountCode(7, github, '123456', null, answering(outcome('evil.test')).deps)).toEqual({ kind: 'foreign-frame', frameSite: 'evil.test', bound: false });
    expect(await fillAccountCode(7, github, '123456', null, answering(outcome('github.com')).deps)).toEqual({ kind: 'foreign-frame', frameSite: 'github.com', bound: true });
  });

  it('reports no field, and a tab it cannot reach, without throwing', async () => {
    expect(await fillAccountCode(7, github, '123456', null, answering({ status: 'no_field', site: 'github.com' }).deps)).toEqual({ kind: 'no-field' });
    expect(await fillAccountCode(7, github, '123456', null, answering(new Error('Cannot access a chrome:// URL')).deps)).toEqual({ kind: 'blocked' });
  });
});

describe('what the popup says', () => {
  it('names the page\'s domain and the account\'s sites in the warning', () => {
    expect(describeWrongSite(github, 'evil.example')).toBe(
      'evil.example is not a site of GitHub: octocat. It fills on github.com. Look-alike addresses are how codes get stolen: fill only if you trust evil.example.');
    expect(describeWrongSite({ ...github, sites: [] }, 'evil.example')).toContain('It has no site yet.');
  });

  it('names the frame\'s site, and copies only for a frame of the account\'s own site', () => {
    expect(describeForeignFrame(github, 'evil.test', false)).toBe('The code field is in a frame from evil.test, which is not a site of GitHub: octocat. Nothing was filled.');
    expect(describeForeignFrame(github, 'github.com', true)).toMatch(/^The code field is in a frame from github.com, which Tessera cannot reach from this page: the code for GitHub: octocat is copied/);
    expect(describeForeignFrame(github, 'github.com', true, false)).toBe('The code field is in a frame from github.com, which Tessera cannot reach from this page: copy the code for GitHub: octocat and paste it there.');
  });

  it('says the code was copied when there is no field, without the code', () => {
    expect(describeNoField(github)).toMatch(/^No code field found on this page: the code for GitHub: octocat is copied/);
  });
});
