// Providers on several domains, and the page's accounts first, without a browser.
import { describe, expect, it } from 'vitest';
import { siblingSiteToAdd } from '../../extension/sites/site-families';
import { orderForPage } from '../../extension/ui/accounts/filter-accounts';

describe('another site of the same provider', () => {
  it('offers the sign-in domain of the provider whose settings domain the account has', () => {
    expect(siblingSiteToAdd(['microsoft.com'], 'microsoftonline.com')).toBe('microsoftonline.com');
    expect(siblingSiteToAdd(['google.com'], 'youtube.com')).toBe('youtube.com');
    expect(siblingSiteToAdd(['twitter.com', 'example.org'], 'x.com')).toBe('x.com');
  });

  it('offers nothing for look-alikes, other providers, a site already there, or no site', () => {
    expect(siblingSiteToAdd(['microsoft.com'], 'microsoft-online.com')).toBeNull();
    expect(siblingSiteToAdd(['github.com'], 'githib.com')).toBeNull();
    expect(siblingSiteToAdd(['github.com'], 'microsoftonline.com')).toBeNull();
    expect(siblingSiteToAdd(['microsoft.com', 'microsoftonline.com'], 'microsoftonline.com')).toBeNull();
    expect(siblingSiteToAdd([], 'microsoftonline.com')).toBeNull();
    expect(siblingSiteToAdd(['microsoft.com'], null)).toBeNull();
  });
});

describe('the page\'s accounts first', () => {
  const accounts = [
    { id: 'a', sites: ['bank.example'] }, { id: 'b', sites: ['github.com'] }, { id: 'c', sites: [] }, { id: 'd', sites: ['gist.github.com', 'github.com'] },
  ];
  it('puts the accounts bound to the page\'s site first, each group in list order', () => {
    expect(orderForPage(accounts, 'github.com').map((a) => a.id)).toEqual(['b', 'd', 'a', 'c']);
  });
  it('keeps the list as it is on a page of no account, or with no page', () => {
    expect(orderForPage(accounts, 'evil.example').map((a) => a.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(orderForPage(accounts, null)).toBe(accounts);
  });
});
