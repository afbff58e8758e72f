import { describe, expect, it } from 'vitest';
import { findDates, findRegistryNumbers, isKnownRegistryNumber, matchRegistryNumberPattern, parseSwedishDate } from './index.js';

describe('registry numbers', () => {
  it.each([
    ['304-2016-1.5.1', 'serialYearClass'],
    ['1.7.1-368/2016', 'classSerialYear'],
    ['1.5.1-135-2012', 'classSerialYear'],
    ['171-908/2016', 'seriesSerialYear'],
    ['T 2010-313-01743', 'prefixedYearSeriesSerial'],
    ['KS 2016/123', 'prefixedYearSerial'],
    ['Dnr 12.1-1234/2019.', 'classSerialYear'],
  ])('%s is %s', (value, name) => {
    expect(matchRegistryNumberPattern(value)).toBe(name);
  });

  it.each(['2016-08-30', 'IDR-2021:77', 'abc', '12345'])('%s is not a known shape', (value) => {
    expect(isKnownRegistryNumber(value)).toBe(false);
  });

  it('finds labelled numbers of any shape and bare numbers of known shapes, not dates', () => {
    const found = findRegistryNumbers('Remiss om X, dnr 171-908/2016. Vårt dnr: ABC-77. Beslut 2016-08-30 i ärende 304-2016-1.5.1.');
    expect(found.map((f) => [f.value, f.pattern])).toEqual([
      ['171-908/2016', 'seriesSerialYear'],
      ['ABC-77', null],
      ['304-2016-1.5.1', 'serialYearClass'],
    ]);
  });
});

describe('Swedish dates', () => {
  it.each([
    ['30 augusti 2016', '2016-08-30'],
    ['den 14 juni 2017', '2017-06-14'],
    ['2016-08-30', '2016-08-30'],
    ['14 jun. 2017', '2017-06-14'],
    ['30/8 2016', '2016-08-30'],
    ['1:a maj 2019', '2019-05-01'],
  ])('%s → %s', (text, iso) => {
    expect(parseSwedishDate(text)).toBe(iso);
  });

  it('rejects impossible dates', () => {
    expect(parseSwedishDate('2016-02-30')).toBeNull();
    expect(findDates('den 31 april 2017')).toEqual([]);
  });
});
