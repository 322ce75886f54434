// Which icon an account shows, without a browser: bundled brand marks by issuer, alias, first word or site; a coloured
// initial for everyone else.
import { describe, expect, it } from 'vitest';
import { findBrand, iconForAccount, readableOn } from '../../extension/account-icons/account-icon';
import { BRAND_ALIASES, BRAND_ICONS } from '../../extension/account-icons/brands';

const icon = (issuer: string, sites: string[] = [], account = 'alice') => iconForAccount({ issuer, account, sites });

describe('brand marks', () => {
  it('finds the mark by issuer name, however it is spelled', () => {
    for (const issuer of ['GitHub', 'github', 'GitHub Enterprise', 'GitHub: work']) expect(icon(issuer)).toMatchObject({ kind: 'brand', slug: 'github' });
    expect(icon('Epic Games')).toMatchObject({ kind: 'brand', slug: 'epicgames' });
    expect(icon('1Password')).toMatchObject({ kind: 'brand', slug: '1password' });
  });

  it('finds it by the other names issuers go by, and by the account\'s site', () => {
    expect(icon('Gmail')).toMatchObject({ slug: 'google' });
    expect(icon('Twitter')).toMatchObject({ slug: 'x' });
    expect(icon('Battle.net')).toMatchObject({ slug: 'battledotnet' });
    expect(icon('', ['pypi.org'])).toMatchObject({ slug: 'pypi' });
    expect(icon('My work account', ['gitlab.com'])).toMatchObject({ slug: 'gitlab' });
  });

  it('draws the mark in black or white, whichever reads on the brand\'s colour', () => {
    expect(icon('Snapchat')).toMatchObject({ background: '#FFFC00', foreground: '#000000' });
    expect(icon('GitHub')).toMatchObject({ foreground: '#ffffff' });
    expect(readableOn('FFFFFF')).toBe('#000000');
    expect(readableOn('000000')).toBe('#ffffff');
  });

  it('bundles a subset of marks, each a 24-unit path with its colour, and aliases that all lead to one', () => {
    expect(BRAND_ICONS.length).toBeGreaterThan(50);
    expect(BRAND_ICONS.length).toBeLessThan(100);
    expect(new Set(BRAND_ICONS.map((i) => i.slug)).size).toBe(BRAND_ICONS.length);
    for (const brand of BRAND_ICONS) {
      expect(brand.path, brand.slug).toMatch(/^[Mm][\d.\s,-]/);
      expect(brand.hex, brand.slug).toMatch(/^[0-9A-F]{6}$/i);
    }
    for (const slug of Object.values(BRAND_ALIASES)) expect(BRAND_ICONS.some((i) => i.slug === slug), slug).toBe(true);
  });
});

describe('coloured initials', () => {
  it('gives anyone else their initial on a colour that stays the same for the same issuer', () => {
    const bank = icon('Acme Bank');
    expect(bank).toMatchObject({ kind: 'initial', letter: 'A', foreground: '#ffffff' });
    expect(icon('Acme Bank', [], 'bob').background).toBe(bank.background);
    expect(icon('Microsoft')).toMatchObject({ kind: 'initial', letter: 'M' });
    expect(icon('école normale')).toMatchObject({ kind: 'initial', letter: 'É' });
    expect(icon('', [], 'carol@example.com')).toMatchObject({ kind: 'initial', letter: 'C' });
    expect(icon('', [], '')).toMatchObject({ kind: 'initial', letter: '?' });
  });

  it('does not take a short first word for a brand', () => {
    expect(findBrand('X-Ray Labs', [])).toBeNull();
    expect(findBrand('EA Sports Club', [])).toBeNull();
    expect(findBrand('X', [])?.slug).toBe('x');
  });
});
