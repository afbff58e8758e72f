import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/core/i18n.js';
import { BarChart, chartCsv, chartCsvFilename, chartLabels, formatValue, LineChart, type ChartSeries } from '../../src/views/charts.js';

const sv = translator('sv');
const en = translator('en');
const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;

const share: ChartSeries = {
  name: 'Andel ärenden via e-tjänst',
  points: [
    { label: '2017', value: 31 },
    { label: '2018', value: 35.5 },
    { label: '2019', value: null },
    { label: '2020', value: 48 },
  ],
};

describe('LineChart', () => {
  it('draws one marker per value, a line per series and a labelled target line', async () => {
    const html = String(await LineChart({ id: 'share', title: 'Andel <e-tjänst>', series: [share], target: { value: 75, label: '2030' }, unit: '%', locale: 'sv', t: sv }));
    expect(count(html, /class="chart-point"/g)).toBe(3);
    expect(count(html, /class="chart-line"/g)).toBe(1);
    // The missing 2019 splits the line into two pieces.
    const d = /<path d="([^"]+)" fill="none"[^>]*class="chart-line"/.exec(html)![1]!;
    expect(count(d, /M/g)).toBe(2);
    expect(html).toContain('stroke-dasharray="6 4"');
    expect(html).toContain('Mål: 75 % (2030)');
    // Accessible structure: role, title and description referenced, visible summary, table with caption.
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-labelledby="share-title share-desc"');
    expect(html).toContain('<title id="share-title">Andel &lt;e-tjänst></title>');
    expect(html).toMatch(/<desc id="share-desc">Andel ärenden via e-tjänst: från 31 % \(2017\) till 48 % \(2020\), 3 värden\./);
    expect(html).toContain('<p class="chart-summary" id="share-summary">');
    expect(html).toContain('Målet är 75 % (2030); senaste värdet ligger under målet.');
    expect(html).toContain('<caption>Andel &lt;e-tjänst>: data i tabellform</caption>');
    expect(html).not.toContain('<e-tjänst>');
  });

  it('lists every period in the table, with the series and target values and "saknas" for gaps', async () => {
    const html = String(await LineChart({ id: 'share', title: 'Andel', series: [share], target: { value: 75 }, unit: '%', locale: 'sv', t: sv }));
    const rows = [...html.matchAll(/<tr><th scope="row">([^<]+)<\/th>((?:<td class="num">[^<]*<\/td>)+)<\/tr>/g)].map((m) => [
      m[1],
      ...[...m[2]!.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((c) => c[1]),
    ]);
    expect(rows).toEqual([
      ['2017', '31 %', '75 %'],
      ['2018', '35,5 %', '75 %'],
      ['2019', 'saknas', '75 %'],
      ['2020', '48 %', '75 %'],
    ]);
    expect(html).toContain('<th scope="col">Period</th><th scope="col">Andel ärenden via e-tjänst</th><th scope="col">Mål</th>');
  });

  it('tells several series apart by marker and dash, not only by colour, and shows a legend', async () => {
    const other: ChartSeries = { name: 'Riket', points: [{ label: '2017', value: 20 }, { label: '2020', value: 30 }] };
    const html = String(await LineChart({ id: 'two', title: 'Två', series: [share, other], locale: 'en', t: en }));
    expect(count(html, /class="chart-point"/g)).toBe(5);
    expect(count(html, /class="chart-line"/g)).toBe(2);
    expect(html).toContain('<ul class="chart-legend" aria-label="Legend">');
    expect(html).toContain('stroke-dasharray="8 4"');
    // The second series' markers are squares.
    expect(count(html, /<rect[^>]*class="chart-point"/g)).toBe(2);
    expect(html).toContain('Riket: from 20 (2017) to 30 (2020), 2 values.');
  });

  it('offers the CSV download when given a link, and says when there is nothing to show', async () => {
    const html = String(
      await LineChart({ id: 'empty', title: 'Tom', series: [{ name: 'x', points: [] }], locale: 'sv', t: sv, csvHref: '/x?format=csv&chart=a' }),
    );
    expect(html).toContain('Det finns inga värden att visa ännu.');
    expect(html).toContain('href="/x?format=csv&amp;chart=a"');
    expect(html).toContain('>Ladda ner data (CSV)</a>');
    expect(count(html, /class="chart-point"/g)).toBe(0);
  });

  it('can fold its table into a <details> for pages with many charts', async () => {
    const html = String(await LineChart({ id: 'f', title: 'Andel', series: [share], locale: 'sv', t: sv, collapseTable: true }));
    expect(html).toContain('<details class="chart-table"><summary>Visa värdena som tabell</summary><table class="chart-data">');
  });
});

describe('BarChart', () => {
  const progress: ChartSeries = {
    name: 'Måluppfyllelse',
    points: [
      { label: 'Kulturnämnden', value: 40 },
      { label: 'Socialnämnden', value: 85 },
      { label: 'AB Stokab', value: -5 },
    ],
  };

  it('draws one bar per value with its value as text, horizontally by default', async () => {
    const html = String(await BarChart({ id: 'p', title: 'Måluppfyllelse', series: [progress], unit: '%', target: { value: 100 }, locale: 'sv', t: sv }));
    expect(count(html, /class="chart-bar"/g)).toBe(3);
    expect(count(html, /class="chart-value"/g)).toBe(3);
    expect(html).toContain('>85 %</text>');
    expect(html).toContain('>−5 %</text>');
    expect(html).toContain('Måluppfyllelse: högst Socialnämnden (85 %), lägst AB Stokab (−5 %), 3 kategorier.');
    expect(html).toContain('<th scope="col">Kategori</th>');
    // Horizontal: category labels on the left, anchored at the end.
    expect(html).toMatch(/<text x="-8" y="[\d.]+" dy="0.32em" text-anchor="end" fill="#1b1b1f">Kulturnämnden<\/text>/);
  });

  it('groups several series, hatching all but the first so that colour is not needed', async () => {
    const spent: ChartSeries = { name: 'Utfall', points: [{ label: 'A', value: 3 }, { label: 'B', value: 4 }] };
    const budget: ChartSeries = { name: 'Budget', points: [{ label: 'A', value: 5 }, { label: 'B', value: null }] };
    const html = String(await BarChart({ id: 'g', title: 'Budget', series: [spent, budget], orientation: 'vertical', locale: 'sv', t: sv }));
    expect(count(html, /class="chart-bar"/g)).toBe(3);
    expect(html).toContain('fill="url(#g-pattern-1)"');
    expect(html).toContain('<pattern id="g-pattern-1"');
    expect(html).toContain('<span>Budget</span>');
  });
});

describe('chart data as CSV', () => {
  it('writes one row per label and one column per series, with the target', () => {
    const other: ChartSeries = { name: 'Riket, totalt', points: [{ label: '2021', value: 1.25 }] };
    const csv = chartCsv([share, other], { categoryLabel: 'period', target: { value: 75 } });
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(parse(csv, { bom: true })).toEqual([
      ['period', 'Andel ärenden via e-tjänst', 'Riket, totalt', 'target'],
      ['2017', '31', '', '75'],
      ['2018', '35.5', '', '75'],
      ['2019', '', '', '75'],
      ['2020', '48', '', '75'],
      ['2021', '', '1.25', '75'],
    ]);
    expect(chartLabels([share, other])).toEqual(['2017', '2018', '2019', '2020', '2021']);
    expect(chartCsvFilename('Andel ärenden via e-tjänst (%)')).toBe('andel-arenden-via-e-tjanst.csv');
  });

  it('formats values per language', () => {
    expect(formatValue(1234.5, 'sv', 'kr')).toBe('1\u00a0234,5 kr');
    expect(formatValue(1234.5, 'en', '%')).toBe('1,234.5 %');
  });
});
