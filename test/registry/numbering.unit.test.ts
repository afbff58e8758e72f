import { describe, expect, it } from 'vitest';
import { Invalid } from '../../src/core/errors.js';
import {
  formatRegistryNumber,
  matchPattern,
  parsePattern,
  parseRegistryNumber,
  patternNeedsClass,
  stockholmDate,
  stockholmYear,
} from '../../src/modules/registry/numbering.js';

describe('formatRegistryNumber', () => {
  it.each([
    ['{seq}-{year}-{class}', 304, 2016, '1.5.1', '304-2016-1.5.1'],
    ['{class}-{seq}/{year}', 368, 2016, '1.7.1', '1.7.1-368/2016'],
    ['171-{seq}/{year}', 908, 2016, null, '171-908/2016'],
    ['{class}-{seq}-{year}', 135, 2012, '1.5.1', '1.5.1-135-2012'],
    ['T {year}-313-{seq:5}', 1743, 2010, null, 'T 2010-313-01743'],
    ['KS {year}/{seq:3}', 7, 2026, null, 'KS 2026/007'],
    ['{seq:2}/{year}', 12345, 2026, null, '12345/2026'],
  ])('%s with %i, %i, %s → %s', (pattern, sequence, year, classCode, expected) => {
    expect(formatRegistryNumber(pattern, { sequence, year, classCode })).toBe(expected);
  });

  it("uses the body's default class when the case gives none", () => {
    expect(formatRegistryNumber('{seq}-{year}-{class}', { sequence: 1, year: 2026, classCode: null, defaultClassCode: '1.5.1' })).toBe('1-2026-1.5.1');
    expect(formatRegistryNumber('{seq}-{year}-{class}', { sequence: 1, year: 2026, classCode: '2.1', defaultClassCode: '1.5.1' })).toBe('1-2026-2.1');
  });

  it('refuses with Invalid on classCode when the pattern needs a class and none is given', () => {
    const attempt = () => formatRegistryNumber('{class}-{seq}/{year}', { sequence: 1, year: 2026, classCode: '  ', defaultClassCode: null });
    expect(attempt).toThrow(Invalid);
    try {
      attempt();
    } catch (e) {
      expect((e as Invalid).fields).toEqual({ classCode: ['registry.case.classCodeRequired'] });
    }
  });

  it('refuses an unusable pattern', () => {
    for (const p of ['{year}', '{seq}{seq}', '{seq:0}', '{seq:11}', '{nope}-{seq}', '{seq', 'x}{seq}', '{year:2}-{seq}']) {
      expect(parsePattern(p), p).toBeNull();
      expect(() => formatRegistryNumber(p, { sequence: 1, year: 2026 }), p).toThrow(Invalid);
    }
  });

  it('knows which patterns need a class', () => {
    expect(patternNeedsClass('{seq}-{year}-{class}')).toBe(true);
    expect(patternNeedsClass('171-{seq}/{year}')).toBe(false);
  });
});

describe('matchPattern (reading a number back with a body pattern)', () => {
  it('inverts formatRegistryNumber', () => {
    expect(matchPattern('{seq}-{year}-{class}', '304-2016-1.5.1')).toEqual({ sequence: 304, year: 2016, classCode: '1.5.1' });
    expect(matchPattern('{class}-{seq}/{year}', '1.7.1-368/2016')).toEqual({ sequence: 368, year: 2016, classCode: '1.7.1' });
    expect(matchPattern('T {year}-313-{seq:5}', 'T 2010-313-01743')).toEqual({ sequence: 1743, year: 2010, classCode: null });
    expect(matchPattern('171-{seq}/{year}', 'Dnr 171-908/2016')).toEqual({ sequence: 908, year: 2016, classCode: null });
    expect(matchPattern('171-{seq}/{year}', '172-908/2016')).toBeNull();
  });
});

describe('parseRegistryNumber (the five shapes in DOMAIN.md)', () => {
  it.each([
    ['304-2016-1.5.1', 'seqYearClass', 2016, 304, '1.5.1', null, '{seq}-{year}-{class}'],
    ['1.7.1-368/2016', 'classSeqSlashYear', 2016, 368, '1.7.1', null, '{class}-{seq}/{year}'],
    ['171-908/2016', 'prefixSeqSlashYear', 2016, 908, null, '171', '171-{seq}/{year}'],
    ['1.5.1-135-2012', 'classSeqYear', 2012, 135, '1.5.1', null, '{class}-{seq}-{year}'],
    ['T 2010-313-01743', 'letterYearSeriesSeq', 2010, 1743, null, 'T 313', 'T {year}-313-{seq:5}'],
  ])('%s', (input, shape, year, sequence, classCode, prefix, pattern) => {
    const parsed = parseRegistryNumber(input);
    expect(parsed).toEqual({ shape, registryNumber: input, year, sequence, classCode, prefix, pattern });
    // The suggested pattern formats the number back exactly.
    expect(formatRegistryNumber(parsed!.pattern, { sequence, year, classCode })).toBe(input);
  });

  it('tolerates "Dnr", spacing and typographic dashes from documents and OCR', () => {
    expect(parseRegistryNumber('Dnr 304–2016–1.5.1')?.registryNumber).toBe('304-2016-1.5.1');
    expect(parseRegistryNumber('dnr: 171 - 908/2016')?.sequence).toBe(908);
    expect(parseRegistryNumber('  1.7.1-368 / 2016 ')?.year).toBe(2016);
  });

  it('returns null for anything else', () => {
    for (const s of ['', 'hello', '2016', '304-16-1.5.1', '0-2016-1.5.1', '1.7.1-368/16', 'x'.repeat(200)]) expect(parseRegistryNumber(s), s).toBeNull();
  });
});

describe('the registration year is the Stockholm calendar year', () => {
  it('turns at midnight in Stockholm, not UTC', () => {
    expect(stockholmYear(new Date('2026-12-31T22:59:59Z'))).toBe(2026);
    expect(stockholmYear(new Date('2026-12-31T23:00:00Z'))).toBe(2027);
    expect(stockholmDate(new Date('2027-06-30T22:30:00Z'))).toBe('2027-07-01');
  });
});
