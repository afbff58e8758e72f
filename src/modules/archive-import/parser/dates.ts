/**
 * Swedish dates: "30 augusti 2016", "den 14 juni 2017", "14 jun. 2017", "2016-08-30", "2016.08.30",
 * "30/8 2016", "30/8/2016". Only real calendar dates are returned (no 2016-02-30).
 */
const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, februari: 2, feb: 2, mars: 3, mar: 3, april: 4, apr: 4, maj: 5, juni: 6, jun: 6,
  juli: 7, jul: 7, augusti: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};

const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

export interface FoundDate {
  iso: string;
  index: number;
  length: number;
  raw: string;
}

export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2100) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DATE_RE = new RegExp(
  [
    // 2016-08-30, 2016.08.30, 20160830 is not accepted (too ambiguous)
    String.raw`(?<![\d.-])((?:19|20)\d\d)[-.](0?[1-9]|1[0-2])[-.](0?[1-9]|[12]\d|3[01])(?![\d])`,
    // (den) 30 augusti 2016, 1:a maj 2017
    String.raw`(?<!\d)(0?[1-9]|[12]\d|3[01])(?::[ae])?\s+(${MONTH_NAMES})\.?,?\s+((?:19|20)\d\d)(?!\d)`,
    // 30/8 2016, 30/8/2016
    String.raw`(?<![\d/])(0?[1-9]|[12]\d|3[01])/(0?[1-9]|1[0-2])(?:\s+|/)((?:19|20)\d\d)(?!\d)`,
  ].join('|'),
  'giu',
);

/** All dates in a text, in order. */
export function findDates(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  for (const m of text.matchAll(DATE_RE)) {
    let iso: string | null = null;
    if (m[1]) iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    else if (m[4]) iso = isoDate(Number(m[6]), MONTHS[m[5]!.toLowerCase()] ?? 0, Number(m[4]));
    else if (m[7]) iso = isoDate(Number(m[9]), Number(m[8]), Number(m[7]));
    if (iso) out.push({ iso, index: m.index, length: m[0].length, raw: m[0] });
  }
  return out;
}

/** The first date in a text, or null. */
export function parseSwedishDate(text: string): string | null {
  return findDates(text)[0]?.iso ?? null;
}

/** A date pattern source usable inside other regexes (non-capturing). */
export const DATE_SOURCE = String.raw`(?:(?:(?:19|20)\d\d[-.](?:0?[1-9]|1[0-2])[-.](?:0?[1-9]|[12]\d|3[01])|(?:0?[1-9]|[12]\d|3[01])(?::[ae])?\s+(?:${MONTH_NAMES})\.?,?\s+(?:19|20)\d\d|(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])(?:\s+|/)(?:19|20)\d\d)(?!\d))`;
