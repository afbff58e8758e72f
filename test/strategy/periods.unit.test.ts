import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  formatPeriodCode,
  isPeriodOf,
  normalisePeriod,
  parsePeriod,
  periodContaining,
  periodEndDate,
  periodLabel,
  type Period,
} from '../../src/modules/strategy/periods.js';
import { parseDecimal, parseIndicatorCsv } from '../../src/modules/strategy/csv-import.js';

describe('periods', () => {
  it('reads the four shapes and nothing else', () => {
    expect(parsePeriod('2024')).toEqual({ periodicity: 'year', year: 2024, index: 1 });
    expect(parsePeriod('2024-T3')).toEqual({ periodicity: 'tertial', year: 2024, index: 3 });
    expect(parsePeriod('2024-q1')).toEqual({ periodicity: 'quarter', year: 2024, index: 1 });
    expect(parsePeriod(' 2024-03 ')).toEqual({ periodicity: 'month', year: 2024, index: 3 });
    for (const bad of ['24', '2024-T4', '2024-Q5', '2024-13', '2024-00', '2024-3', '2024-H1', '1899', '2200', '2024/03', '', 'år 2024']) {
      expect(parsePeriod(bad), bad).toBeNull();
    }
    expect(normalisePeriod('2024-q2')).toBe('2024-Q2');
    expect(isPeriodOf('2024-T1', 'tertial')).toBe(true);
    expect(isPeriodOf('2024-T1', 'quarter')).toBe(false);
  });

  it('orders periods of any shape by their start, the longer first', () => {
    const sorted = ['2024-03', '2023', '2024-Q1', '2024', '2024-T1', '2023-12', '2024-02'].sort(comparePeriods);
    expect(sorted).toEqual(['2023', '2023-12', '2024', '2024-T1', '2024-Q1', '2024-02', '2024-03']);
  });

  it('knows each period’s last day and the period containing a day', () => {
    expect(periodEndDate(parsePeriod('2024')!)).toBe('2024-12-31');
    expect(periodEndDate(parsePeriod('2024-T1')!)).toBe('2024-04-30');
    expect(periodEndDate(parsePeriod('2024-Q1')!)).toBe('2024-03-31');
    expect(periodEndDate(parsePeriod('2024-02')!)).toBe('2024-02-29');
    expect(periodContaining('2024-09-15', 'tertial')).toBe('2024-T3');
    expect(periodContaining('2024-09-15', 'quarter')).toBe('2024-Q3');
    expect(periodContaining('2024-09-15', 'month')).toBe('2024-09');
    expect(periodContaining('2024-09-15', 'year')).toBe('2024');
    expect(periodLabel('2024-03', 'sv')).toBe('mars 2024');
    expect(periodLabel('2024-Q2', 'en')).toBe('Q2 2024');
  });

  it('round-trips every period through its code (property)', () => {
    const period = fc.oneof(
      fc.record({ periodicity: fc.constant('year' as const), year: fc.integer({ min: 1900, max: 2199 }), index: fc.constant(1) }),
      fc.record({ periodicity: fc.constant('tertial' as const), year: fc.integer({ min: 1900, max: 2199 }), index: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ periodicity: fc.constant('quarter' as const), year: fc.integer({ min: 1900, max: 2199 }), index: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ periodicity: fc.constant('month' as const), year: fc.integer({ min: 1900, max: 2199 }), index: fc.integer({ min: 1, max: 12 }) }),
    );
    fc.assert(
      fc.property(period, (p: Period) => {
        expect(parsePeriod(formatPeriodCode(p))).toEqual(p);
        // The period contains its own last day.
        expect(periodContaining(periodEndDate(p), p.periodicity)).toBe(formatPeriodCode(p));
      }),
    );
  });
});

describe('indicator CSV', () => {
  it('reads Swedish spreadsheet exports: semicolons, decimal commas, Swedish headers, a BOM', () => {
    const parsed = parseIndicatorCsv('\ufeffPeriod;Värde;Kommentar\r\n2017;31,5;första mätningen\r\n2018;35;\r\n\r\n2019; 1 234 ;', 'year');
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toEqual([
      { row: 2, period: '2017', value: 31.5, note: 'första mätningen' },
      { row: 3, period: '2018', value: 35, note: null },
      { row: 5, period: '2019', value: 1234, note: null },
    ]);
  });

  it('takes commas, any column order, and no header', () => {
    expect(parseIndicatorCsv('value,period\n12.5,2024-q1\n"13,5",2024-Q2', 'quarter').rows.map((r) => [r.period, r.value])).toEqual([
      ['2024-Q1', 12.5],
      ['2024-Q2', 13.5],
    ]);
    expect(parseIndicatorCsv('2024-01;5\n2024-02;6', 'month').rows.map((r) => r.period)).toEqual(['2024-01', '2024-02']);
  });

  it('reports every problem with its row and field', () => {
    const parsed = parseIndicatorCsv('period;värde\n2017;12\n2018-T1;13\n2019;tolv\n2017;14\n;15\n2020;', 'year');
    expect(parsed.problems.map((p) => [p.row, p.field, p.message])).toEqual([
      [3, 'period', 'strategy.period.shape'],
      [4, 'value', 'strategy.value.notNumber'],
      [5, 'period', 'strategy.import.duplicatePeriod'],
      [6, 'period', 'strategy.import.periodMissing'],
      [7, 'value', 'strategy.import.valueMissing'],
    ]);
    expect(parsed.problems[0]!.params).toEqual({ period: '2018-T1', example: '2024' });
    expect(parsed.problems[2]!.params).toEqual({ period: '2017', first: 2 });
  });

  it('reports files it cannot use as a whole', () => {
    expect(parseIndicatorCsv('', 'year').problems).toEqual([{ row: 0, field: 'csv', message: 'strategy.import.empty' }]);
    expect(parseIndicatorCsv('år;antal\n2017;1', 'year').problems[0]).toMatchObject({ row: 1, field: 'csv', message: 'strategy.import.header' });
    expect(parseIndicatorCsv('period;värde\n"2017;1\n', 'year').problems[0]).toMatchObject({ field: 'csv', message: 'strategy.import.malformed' });
  });

  it('reads decimals strictly', () => {
    expect(parseDecimal('−3,5')).toBe(-3.5);
    expect(parseDecimal('45 %')).toBe(45);
    expect(parseDecimal('.5')).toBe(0.5);
    for (const bad of ['', '1,2,3', '1.234,5', 'abc', '1e5', 'NaN', 'Infinity']) expect(parseDecimal(bad), bad).toBeNull();
  });
});
