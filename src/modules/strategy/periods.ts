import type { Periodicity } from './schema.js';

/**
 * Indicator periods as written in Stockholm's follow-up (ILS): a year '2024', a tertial '2024-T1'
 * (tertialrapport: January–April, May–August, September–December), a quarter '2024-Q1' or a month
 * '2024-03'. Pure.
 */
export interface Period {
  periodicity: Periodicity;
  year: number;
  /** 1 for a year; 1–3 for a tertial; 1–4 for a quarter; 1–12 for a month. */
  index: number;
}

export const YEAR_MIN = 1900;
export const YEAR_MAX = 2199;

const SHAPES: Array<[Periodicity, RegExp]> = [
  ['year', /^(\d{4})$/],
  ['tertial', /^(\d{4})-T([1-3])$/],
  ['quarter', /^(\d{4})-Q([1-4])$/],
  ['month', /^(\d{4})-(0[1-9]|1[0-2])$/],
];

/** Months per period. */
const LENGTH: Record<Periodicity, number> = { year: 12, tertial: 4, quarter: 3, month: 1 };

/** An example of each shape, for messages and form hints. */
export const PERIOD_EXAMPLES: Record<Periodicity, string> = { year: '2024', tertial: '2024-T1', quarter: '2024-Q1', month: '2024-03' };

/** The period, or null when `text` has none of the four shapes or the year is out of range. */
export function parsePeriod(text: string): Period | null {
  const s = text.trim().toUpperCase();
  for (const [periodicity, re] of SHAPES) {
    const m = re.exec(s);
    if (!m) continue;
    const year = Number(m[1]);
    if (year < YEAR_MIN || year > YEAR_MAX) return null;
    return { periodicity, year, index: m[2] === undefined ? 1 : Number(m[2]) };
  }
  return null;
}

/** Does `text` name a period of this periodicity? */
export function isPeriodOf(text: string, periodicity: Periodicity): boolean {
  return parsePeriod(text)?.periodicity === periodicity;
}

/** The canonical spelling: '2024', '2024-T1', '2024-Q1', '2024-03'. */
export function formatPeriodCode(p: Period): string {
  switch (p.periodicity) {
    case 'year':
      return String(p.year);
    case 'tertial':
      return `${p.year}-T${p.index}`;
    case 'quarter':
      return `${p.year}-Q${p.index}`;
    case 'month':
      return `${p.year}-${String(p.index).padStart(2, '0')}`;
  }
}

/** The canonical spelling of `text` ('2024-q1' → '2024-Q1'), or null when it is not a period. */
export function normalisePeriod(text: string): string | null {
  const p = parsePeriod(text);
  return p ? formatPeriodCode(p) : null;
}

/** First month (0-based, counted from year 0) of the period: orders periods of any shape. */
export function periodStartMonth(p: Period): number {
  return p.year * 12 + (p.index - 1) * LENGTH[p.periodicity];
}

/** The period's last day, 'YYYY-MM-DD'. */
export function periodEndDate(p: Period): string {
  const endMonth = periodStartMonth(p) + LENGTH[p.periodicity]; // first month after the period
  const y = Math.floor(endMonth / 12);
  const m = endMonth % 12;
  const last = new Date(Date.UTC(y, m, 0));
  return last.toISOString().slice(0, 10);
}

/** Sort order for period codes: by start, then the longer period first; unknown shapes last. */
export function comparePeriods(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (!pa || !pb) return pa ? -1 : pb ? 1 : a.localeCompare(b);
  return periodStartMonth(pa) - periodStartMonth(pb) || LENGTH[pb.periodicity] - LENGTH[pa.periodicity];
}

/** The period of this periodicity that contains the given day ('YYYY-MM-DD'). */
export function periodContaining(day: string, periodicity: Periodicity): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const index = Math.floor((month - 1) / LENGTH[periodicity]) + 1;
  return formatPeriodCode({ periodicity, year, index: periodicity === 'year' ? 1 : index });
}

const MONTHS = {
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
} as const;

/** A reader's label: '2024', '2024 T1' / 'tertial 1 2024', 'kvartal 1 2024', 'mars 2024'. */
export function periodLabel(code: string, locale: 'sv' | 'en'): string {
  const p = parsePeriod(code);
  if (!p) return code;
  switch (p.periodicity) {
    case 'year':
      return String(p.year);
    case 'tertial':
      return locale === 'sv' ? `tertial ${p.index} ${p.year}` : `four-month period ${p.index} ${p.year}`;
    case 'quarter':
      return locale === 'sv' ? `kvartal ${p.index} ${p.year}` : `Q${p.index} ${p.year}`;
    case 'month':
      return `${MONTHS[locale][p.index - 1]} ${p.year}`;
  }
}
