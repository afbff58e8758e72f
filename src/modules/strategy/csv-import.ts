import { CsvError, parse } from 'csv-parse/sync';
import { normalisePeriod, parsePeriod, PERIOD_EXAMPLES } from './periods.js';
import type { Periodicity } from './schema.js';

/**
 * Indicator values from a CSV file, as exported from a spreadsheet or ILS: one row per period with
 * the columns `period` and `value` (Swedish `period`/`värde` work too) and an optional
 * `note`/`kommentar`. The delimiter is a comma or a semicolon (Swedish Excel), a decimal comma is
 * accepted ("12,5"), a header row is optional. Pure: it stores nothing.
 *
 * Every problem is reported with its row (the line number in the file, the header being row 1),
 * its field and an i18n key. The import command stores nothing when there is any problem
 * (all-or-nothing): a partly imported series is worse than none, and the file is fixed and sent again.
 */
export interface ImportRow {
  row: number;
  period: string;
  value: number;
  note: string | null;
}

export type ImportField = 'csv' | 'period' | 'value' | 'note';

export interface ImportProblem {
  row: number;
  field: ImportField;
  /** i18n key. */
  message: string;
  params?: Record<string, string | number>;
}

export interface ParsedImport {
  rows: ImportRow[];
  problems: ImportProblem[];
}

export const IMPORT_MAX_ROWS = 5000;
export const NOTE_MAX = 1000;

const HEADERS: Record<'period' | 'value' | 'note', string[]> = {
  period: ['period', 'perioden', 'år', 'ar', 'year'],
  value: ['value', 'värde', 'varde', 'utfall', 'värdet'],
  note: ['note', 'kommentar', 'anmärkning', 'anmarkning', 'comment'],
};

/** "12,5", "1 234.5", "−3", "45 %" → number; null when it is not a plain decimal number. */
export function parseDecimal(input: string): number | null {
  const s = input
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/%$/, '')
    .replace(/^\u2212/, '-');
  if (!/^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/.test(s)) return null;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

function detectDelimiter(text: string): ',' | ';' | '\t' {
  const firstLine = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => firstLine.split(c).length - 1;
  const candidates: Array<',' | ';' | '\t'> = [';', '\t', ','];
  return candidates.reduce((best, c) => (count(c) > count(best) ? c : best), ',' as ',' | ';' | '\t');
}

const headerName = (cell: string) => cell.trim().toLowerCase();

export function parseIndicatorCsv(text: string, periodicity: Periodicity): ParsedImport {
  const problems: ImportProblem[] = [];
  const rows: ImportRow[] = [];
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (e) {
    const row = e instanceof CsvError && typeof (e as CsvError & { lines?: number }).lines === 'number' ? (e as CsvError & { lines: number }).lines : 0;
    return { rows, problems: [{ row, field: 'csv', message: 'strategy.import.malformed' }] };
  }
  records = records.filter((r) => r.record.some((c) => c !== ''));
  if (records.length === 0) return { rows, problems: [{ row: 0, field: 'csv', message: 'strategy.import.empty' }] };

  // Columns from the header row, or period, value, note when the first row is already data.
  let columns = { period: 0, value: 1, note: 2 as number | null };
  const first = records[0]!;
  const firstIsData = parsePeriod(first.record[0] ?? '') !== null;
  if (!firstIsData) {
    const names = first.record.map(headerName);
    const find = (key: keyof typeof HEADERS) => names.findIndex((n) => HEADERS[key].includes(n));
    const period = find('period');
    const value = find('value');
    if (period < 0 || value < 0) {
      return { rows, problems: [{ row: first.info.lines, field: 'csv', message: 'strategy.import.header' }] };
    }
    const note = find('note');
    columns = { period, value, note: note < 0 ? null : note };
    records = records.slice(1);
    if (records.length === 0) return { rows, problems: [{ row: 0, field: 'csv', message: 'strategy.import.empty' }] };
  }
  if (records.length > IMPORT_MAX_ROWS) {
    return { rows, problems: [{ row: 0, field: 'csv', message: 'strategy.import.tooMany', params: { max: IMPORT_MAX_ROWS } }] };
  }

  const seen = new Map<string, number>();
  for (const { record, info } of records) {
    const row = info.lines;
    const rawPeriod = record[columns.period] ?? '';
    const rawValue = record[columns.value] ?? '';
    const note = columns.note === null ? '' : (record[columns.note] ?? '');
    let ok = true;
    const period = normalisePeriod(rawPeriod);
    if (rawPeriod === '') {
      problems.push({ row, field: 'period', message: 'strategy.import.periodMissing' });
      ok = false;
    } else if (period === null || parsePeriod(period)!.periodicity !== periodicity) {
      problems.push({ row, field: 'period', message: 'strategy.period.shape', params: { period: rawPeriod, example: PERIOD_EXAMPLES[periodicity] } });
      ok = false;
    } else if (seen.has(period)) {
      problems.push({ row, field: 'period', message: 'strategy.import.duplicatePeriod', params: { period, first: seen.get(period)! } });
      ok = false;
    }
    const value = parseDecimal(rawValue);
    if (rawValue === '') {
      problems.push({ row, field: 'value', message: 'strategy.import.valueMissing' });
      ok = false;
    } else if (value === null) {
      problems.push({ row, field: 'value', message: 'strategy.value.notNumber', params: { value: rawValue } });
      ok = false;
    }
    if (note.length > NOTE_MAX) {
      problems.push({ row, field: 'note', message: 'strategy.import.noteTooLong', params: { max: NOTE_MAX } });
      ok = false;
    }
    if (period !== null && !seen.has(period)) seen.set(period, row);
    if (ok) rows.push({ row, period: period!, value: value!, note: note === '' ? null : note });
  }
  return { rows, problems };
}
