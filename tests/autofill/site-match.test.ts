import { describe, it, expect } from 'vitest';
import { isAllowedOn, siteOf } from '../../extension/autofill/site-match';

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
  ])('%s belongs to %s', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });

  it('gives no site for pages that are not on the web', () => {
    expect(siteOf('chrome://extensions')).toBeNull();
    expect(siteOf('file:///tmp/page.html')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
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
