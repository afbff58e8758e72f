import { describe, expect, it } from 'vitest';
import { slugify, uniqueSlug, SLUG_MAX } from './slug.js';

describe('slugify', () => {
  it.each([
    ['Hägersten-Liljeholmens stadsdelsnämnd', 'hagersten-liljeholmens-stadsdelsnamnd'],
    ['Kulturnämnden', 'kulturnamnden'],
    ['Miljö- och hälsoskyddsnämnden', 'miljo-och-halsoskyddsnamnden'],
    ['Skärholmens stadsdelsförvaltning', 'skarholmens-stadsdelsforvaltning'],
    ['Digitaliseringsrådet', 'digitaliseringsradet'],
    ['ÅÄÖ åäö', 'aao-aao'],
    ['AB Stokab', 'ab-stokab'],
    ['Café Blåbär & Co.', 'cafe-blabar-co'],
    ['Søren Æbelø Straße', 'soren-aebelo-strasse'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('never yields an empty slug or a reserved path segment', () => {
    expect(slugify('!!!')).toBe('namn');
    expect(slugify('New')).toBe('new-1');
    expect(slugify('Edit')).toBe('edit-1');
  });

  it('caps the length without a trailing hyphen', () => {
    const slug = slugify(`${'a'.repeat(SLUG_MAX - 1)} b c`);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('uniqueSlug', () => {
  it('keeps a free slug and numbers a taken one', () => {
    expect(uniqueSlug('kulturnamnden', [])).toBe('kulturnamnden');
    expect(uniqueSlug('kulturnamnden', ['kulturnamnden'])).toBe('kulturnamnden-2');
    expect(uniqueSlug('kulturnamnden', ['kulturnamnden', 'kulturnamnden-2'])).toBe('kulturnamnden-3');
  });
  it('stays within the maximum length when numbering', () => {
    const base = 'x'.repeat(SLUG_MAX);
    const next = uniqueSlug(base, [base]);
    expect(next.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(next.endsWith('-2')).toBe(true);
  });
});
