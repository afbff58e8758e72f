import { describe, expect, it } from 'vitest';
import { exampleRegistryNumber, patternUsesClass, validateRegistryPattern } from './registry-pattern.js';

/** Problems come in the order of PATTERN_PROBLEMS, whatever their position in the pattern. */
const problems = (p: string) => {
  const r = validateRegistryPattern(p);
  return r.ok ? [] : r.problems;
};

describe('validateRegistryPattern', () => {
  it.each([
    ['{seq}-{year}-{class}', '304-2016-1.5.1'],
    ['{class}-{seq}/{year}', '1.7.1-368/2016'],
    ['171-{seq}/{year}', '171-908/2016'],
    ['{class}-{seq}-{year}', '1.5.1-135-2012'],
    ['T {year}-313-{seq:5}', 'T 2010-313-01743'],
  ])('accepts the real Stockholm format %s (%s)', (pattern) => {
    expect(validateRegistryPattern(pattern).ok).toBe(true);
  });

  it('splits a pattern into literal text and tokens', () => {
    expect(validateRegistryPattern('KS {year}/{seq:4}')).toEqual({
      ok: true,
      segments: [
        { type: 'literal', text: 'KS ' },
        { type: 'year' },
        { type: 'literal', text: '/' },
        { type: 'seq', width: 4 },
      ],
    });
    expect(validateRegistryPattern('{seq}-{year}')).toEqual({
      ok: true,
      segments: [{ type: 'seq', width: null }, { type: 'literal', text: '-' }, { type: 'year' }],
    });
  });

  it('needs the running number', () => {
    expect(problems('{year}-{class}')).toEqual(['missingSeq']);
    expect(problems('dnr')).toEqual(['missingSeq', 'missingYear']);
    expect(problems('{seq}')).toEqual(['missingYear']);
  });

  it('refuses empty and over-long patterns', () => {
    expect(problems('')).toEqual(['empty']);
    expect(problems('   ')).toEqual(['empty']);
    expect(problems(`{seq}${'-'.repeat(100)}`)).toContain('tooLong');
  });

  it('refuses unknown tokens and widths on other tokens', () => {
    expect(problems('{seq}-{year}-{month}')).toEqual(['unknownToken']);
    expect(problems('{seq}-{YEAR}')).toEqual(['missingYear', 'unknownToken']);
    expect(problems('{seq}-{year:2}')).toEqual(['missingYear', 'unknownToken']);
    expect(problems('{seq:}-{year}')).toEqual(['missingSeq', 'unknownToken']);
    expect(problems('{ seq }')).toEqual(['missingSeq', 'missingYear', 'unknownToken']);
  });

  it('accepts widths 1–10 only', () => {
    expect(validateRegistryPattern('{seq:1}/{year}').ok).toBe(true);
    expect(validateRegistryPattern('{seq:10}/{year}').ok).toBe(true);
    expect(problems('{seq:0}/{year}')).toEqual(['badWidth']);
    expect(problems('{seq:11}/{year}')).toEqual(['badWidth']);
  });

  it('refuses unbalanced braces', () => {
    expect(problems('{seq}-{year')).toEqual(['missingYear', 'unbalancedBrace']);
    expect(problems('{seq}}-{year}')).toEqual(['unbalancedBrace']);
    expect(problems('{{seq}/{year}')).toEqual(['unbalancedBrace']);
    expect(problems('seq}')).toEqual(['missingSeq', 'missingYear', 'unbalancedBrace']);
  });

  it('refuses repeated tokens', () => {
    expect(problems('{seq}-{seq}/{year}')).toEqual(['duplicateToken']);
    expect(problems('{seq}-{seq:3}/{year}')).toEqual(['duplicateToken']);
    expect(problems('{year}-{seq}-{year}')).toEqual(['duplicateToken']);
  });

  it('refuses tokens without a separator, which could not be read back', () => {
    expect(problems('{seq}{year}')).toEqual(['adjacentTokens']);
    expect(problems('{class}{seq:4}/{year}')).toEqual(['adjacentTokens']);
  });

  it('refuses control characters', () => {
    expect(problems('{seq}\n{year}')).toEqual(['controlCharacter']);
    expect(problems('{seq}\t{year}')).toEqual(['controlCharacter']);
  });

  it('treats other characters, including Swedish letters, as literal text', () => {
    expect(validateRegistryPattern('Dnr {seq}/{year} – ÅÄÖ').ok).toBe(true);
  });
});

describe('helpers', () => {
  it('tells whether a class is used', () => {
    expect(patternUsesClass('{seq}-{year}-{class}')).toBe(true);
    expect(patternUsesClass('{seq}-{year}')).toBe(false);
    expect(patternUsesClass('{class}')).toBe(false);
  });

  it('shows an example number', () => {
    expect(exampleRegistryNumber('{seq}-{year}-{class}', 2016, '1.5.1')).toBe('42-2016-1.5.1');
    expect(exampleRegistryNumber('T {year}-313-{seq:5}', 2010, null)).toBe('T 2010-313-00042');
    expect(exampleRegistryNumber('{seq:1}/{year}', 2026, null)).toBe('42/2026');
    expect(exampleRegistryNumber('{year}', 2026, null)).toBeNull();
  });
});
