// The site of an account, one rule for every use: the page's site, what a person types, what the vault stores, which
// pages fill, and which pages the automatic-fill permission covers.
import { describe, it, expect } from 'vitest';
import { isAllowedOn, isBoundTo, originsForSite, parseSites, siteOf } from '../../extension/sites/sites';
import { GITHUB, unlockedHarness } from './support/vault-fixture';

describe('siteOf', () => {
  it.each([
    ['https://github.com/login', 'github.com'],
    ['https://GitHub.com/sessions/two-factor', 'github.com'],
    ['https://accounts.google.co.uk/signin', 'google.co.uk'],
    ['https://github.com.evil.example/login', 'evil.example'],
    ['https://githib.com/login', 'githib.com'],
    ['https://alice.github.io/', 'alice.github.io'],
    ['http://127.0.0.1:3000/mfa', '127.0.0.1'],
    ['http://localhost:3000/', 'localhost'],
    ['http://[::1]:3000/', '::1'],
  ])('%s belongs to %s', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });

  it('gives no site for pages that are not on the web', () => {
    expect(siteOf('chrome://extensions')).toBeNull();
    expect(siteOf('file:///tmp/page.html')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
  });

  it('gives no site for a bare host name or a public suffix itself: neither is a registrable domain', () => {
    expect(siteOf('http://intranet/login')).toBeNull();
    expect(siteOf('https://github.io/')).toBeNull();
  });
});

describe('isAllowedOn', () => {
  const github = ['github.com'];

  it('allows the account\'s own site and its subdomains', () => {
    expect(isAllowedOn(github, 'https://github.com/sessions/two-factor')).toBe(true);
    expect(isAllowedOn(github, 'https://gist.github.com/')).toBe(true);
  });

  it('refuses look-alike domains', () => {
    expect(isAllowedOn(github, 'https://github.com.evil.example/login')).toBe(false);
    expect(isAllowedOn(github, 'https://githib.com/login')).toBe(false);
    expect(isAllowedOn(github, 'https://github.co/login')).toBe(false);
    expect(isAllowedOn(['alice.github.io'], 'https://mallory.github.io/')).toBe(false);
  });

  it('needs every frame on the way to be one of the sites', () => {
    expect(isAllowedOn(github, 'https://github.com/', 'https://evil.example/frame')).toBe(false);
    expect(isAllowedOn(github)).toBe(false);
  });
});

describe('parseSites', () => {
  it('keeps registrable domains from domains and URLs, once each', () => {
    expect(parseSites('https://login.example.co.uk/x, GitHub.com\nwww.github.com')).toEqual({ sites: ['example.co.uk', 'github.com'] });
    expect(parseSites('localhost 127.0.0.1')).toEqual({ sites: ['localhost', '127.0.0.1'] });
    expect(parseSites('')).toEqual({ sites: [] });
  });

  it('keeps the site its pages are matched to: a private suffix\'s own site, an international name in its xn-- form', () => {
    for (const typed of ['alice.github.io', 'https://www.GitHub.com/login', 'accounts.google.com', 'shop.example.co.uk', 'bücher.de', 'http://[::1]:3000/']) {
      const url = /^https?:/.test(typed) ? typed : `https://${typed}/`;
      expect(parseSites(typed)).toEqual({ sites: [siteOf(url)] });
    }
    expect(parseSites('alice.github.io')).toEqual({ sites: ['alice.github.io'] });
    expect(parseSites('www.bücher.de')).toEqual({ sites: ['xn--bcher-kva.de'] });
  });

  it('refuses what is not a site, naming it: the same hosts a page has no site on', () => {
    expect(parseSites('github.com, not_a_site').error).toMatch(/"not_a_site" is not a web site's address/);
    expect(parseSites('intranet').error).toMatch(/"intranet" is not a web site's address/);
    expect(parseSites('github.io').error).toMatch(/"github.io" is not a web site's address/);
  });
});


describe('the vault', () => {
  it('stores sites by the same rule, so a backup\'s entries fill exactly where typed ones would', async () => {
    const h = await unlockedHarness();
    const [added] = await h.vault.add([{ ...GITHUB, sites: ['https://login.example.co.uk/x', 'GitHub.com'] }]);
    expect(added.sites).toEqual(['example.co.uk', 'github.com']);
    await expect(h.vault.add([{ ...GITHUB, sites: ['intranet'] }])).rejects.toMatchObject({ code: 'invalid_account', message: "'intranet' is not a domain name (for example example.com)." });
  });
});

describe('isBoundTo', () => {
  it('gives a plain Fill only on one of the account\'s sites', () => {
    expect(isBoundTo({ sites: ['github.com'] }, 'github.com')).toBe(true);
    expect(isBoundTo({ sites: ['github.com'] }, 'githib.com')).toBe(false);
    expect(isBoundTo({ sites: ['github.com'] }, null)).toBe(false);
  });
});

describe('originsForSite', () => {
  it('asks for the permission of one site and its subdomains only', () => {
    expect(originsForSite('github.com')).toEqual(['https://github.com/*', 'http://github.com/*', 'https://*.github.com/*', 'http://*.github.com/*']);
    expect(originsForSite('127.0.0.1')).toEqual(['https://127.0.0.1/*', 'http://127.0.0.1/*']);
    expect(originsForSite('localhost')).toEqual(['https://localhost/*', 'http://localhost/*']);
  });

  it('writes an IPv6 site in brackets, as a match pattern needs it', () => {
    expect(originsForSite('::1')).toEqual(['https://[::1]/*', 'http://[::1]/*']);
  });
});
