import { Invalid } from '../../core/errors.js';
import { validateRegistryPattern, type PatternSegment } from '../organisation/index.js';

/**
 * Registry numbers (diarienummer). Pure: no database.
 *
 * A body's pattern mixes literal text with tokens: `{seq}` (running number in the body's series
 * for the year), `{seq:N}` (zero-padded to at least N digits), `{year}` (four digits) and
 * `{class}` (filing-plan class, e.g. 1.5.1). The grammar, and its only parser, is the organisation
 * module's `validateRegistryPattern`: exactly one sequence token, the others at most once.
 *
 *   {seq}-{year}-{class}   304, 2016, 1.5.1  → 304-2016-1.5.1   (Hägersten-Liljeholmen)
 *   {class}-{seq}/{year}   368, 2016, 1.7.1  → 1.7.1-368/2016   (Socialnämnden)
 *   171-{seq}/{year}       908, 2016         → 171-908/2016     (Kulturnämnden)
 *   T {year}-313-{seq:5}   1743, 2010        → T 2010-313-01743
 */
export type { PatternSegment };

/**
 * Split a pattern into segments, or null when it is not a usable pattern. The parsing is the
 * organisation module's: a pattern it refuses only for reasons that leave its structure intact
 * (no {year}, adjacent tokens, …, e.g. one stored before that rule) still numbers cases.
 */
export function parsePattern(pattern: string): PatternSegment[] | null {
  return validateRegistryPattern(pattern).segments;
}

export function patternNeedsClass(pattern: string): boolean {
  return parsePattern(pattern)?.some((s) => s.type === 'class') ?? false;
}

export interface NumberParts {
  sequence: number;
  year: number;
  /** The case's class code; falls back to `defaultClassCode`. */
  classCode?: string | null | undefined;
  defaultClassCode?: string | null | undefined;
}

/**
 * Format a registry number. Throws `Invalid` on `classCode` when the pattern needs a class and
 * neither the case nor the body gives one, and on `_` when the body's pattern is unusable.
 */
export function formatRegistryNumber(pattern: string, parts: NumberParts): string {
  const segments = parsePattern(pattern);
  if (!segments) throw new Invalid({ _: ['registry.pattern.invalid'] }, `unusable registry pattern "${pattern}"`);
  if (!Number.isInteger(parts.sequence) || parts.sequence < 1) throw new Error(`bad sequence ${parts.sequence}`);
  const classCode = (parts.classCode ?? '').trim() || (parts.defaultClassCode ?? '').trim();
  return segments
    .map((s) => {
      switch (s.type) {
        case 'literal':
          return s.text;
        case 'seq':
          return s.width ? String(parts.sequence).padStart(s.width, '0') : String(parts.sequence);
        case 'year':
          return String(parts.year).padStart(4, '0');
        case 'class':
          if (!classCode) throw new Invalid({ classCode: ['registry.case.classCodeRequired'] });
          return classCode;
      }
    })
    .join('');
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Read a number back with a body's pattern: the inverse of `formatRegistryNumber`. */
export function matchPattern(
  pattern: string,
  registryNumber: string,
): { sequence: number; year: number | null; classCode: string | null } | null {
  const segments = parsePattern(pattern);
  if (!segments) return null;
  const groups: Array<'seq' | 'year' | 'class'> = [];
  const source = segments
    .map((s) => {
      if (s.type === 'literal') return escapeRegExp(s.text);
      groups.push(s.type);
      return s.type === 'seq' ? '(\\d+)' : s.type === 'year' ? '(\\d{4})' : '(.+?)';
    })
    .join('');
  const m = new RegExp(`^${source}$`, 'u').exec(normaliseRegistryNumber(registryNumber));
  if (!m) return null;
  const out = { sequence: 0, year: null as number | null, classCode: null as string | null };
  groups.forEach((g, i) => {
    const value = m[i + 1]!;
    if (g === 'seq') out.sequence = Number(value);
    else if (g === 'year') out.year = Number(value);
    else out.classCode = value;
  });
  return out.sequence >= 1 ? out : null;
}

/** Trim, drop a leading "Dnr", collapse spaces and turn dashes from OCR or word processors into '-'. */
export function normaliseRegistryNumber(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/^\s*(?:dnr|diarienr|diarienummer)\.?\s*:?\s*/i, '')
    .replace(/\s*([/-])\s*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The shapes seen in the city's documents (DOMAIN.md). */
export type RegistryNumberShape =
  /** 304-2016-1.5.1 */
  | 'seqYearClass'
  /** 1.7.1-368/2016 */
  | 'classSeqSlashYear'
  /** 171-908/2016 */
  | 'prefixSeqSlashYear'
  /** 1.5.1-135-2012 */
  | 'classSeqYear'
  /** T 2010-313-01743 */
  | 'letterYearSeriesSeq';

export interface ParsedRegistryNumber {
  shape: RegistryNumberShape;
  /** The number as normalised (what would be stored). */
  registryNumber: string;
  year: number;
  sequence: number;
  classCode: string | null;
  /** Fixed text of the series: "171" in 171-908/2016, "T" and "313" in T 2010-313-01743. */
  prefix: string | null;
  /** A body pattern that formats this number back, e.g. "171-{seq}/{year}". */
  pattern: string;
}

const YEAR = '((?:19|20)\\d{2})';
const CLASS = '(\\d+(?:\\.\\d+)+)';
const SHAPES: Array<{ shape: RegistryNumberShape; re: RegExp; read: (m: RegExpExecArray) => Omit<ParsedRegistryNumber, 'shape' | 'registryNumber'> }> = [
  {
    shape: 'seqYearClass',
    re: new RegExp(`^(\\d+)-${YEAR}-(\\d+(?:\\.\\d+)*)$`),
    read: (m) => ({ sequence: Number(m[1]), year: Number(m[2]), classCode: m[3]!, prefix: null, pattern: '{seq}-{year}-{class}' }),
  },
  {
    shape: 'classSeqSlashYear',
    re: new RegExp(`^${CLASS}-(\\d+)/${YEAR}$`),
    read: (m) => ({ sequence: Number(m[2]), year: Number(m[3]), classCode: m[1]!, prefix: null, pattern: '{class}-{seq}/{year}' }),
  },
  {
    shape: 'prefixSeqSlashYear',
    re: new RegExp(`^([\\p{L}\\d]+)-(\\d+)/${YEAR}$`, 'u'),
    read: (m) => ({ sequence: Number(m[2]), year: Number(m[3]), classCode: null, prefix: m[1]!, pattern: `${m[1]}-{seq}/{year}` }),
  },
  {
    shape: 'classSeqYear',
    re: new RegExp(`^${CLASS}-(\\d+)-${YEAR}$`),
    read: (m) => ({ sequence: Number(m[2]), year: Number(m[3]), classCode: m[1]!, prefix: null, pattern: '{class}-{seq}-{year}' }),
  },
  {
    shape: 'letterYearSeriesSeq',
    re: new RegExp(`^(\\p{Lu}{1,5}) ${YEAR}-(\\d+)-(\\d+)$`, 'u'),
    read: (m) => {
      const digits = m[4]!;
      const seq = digits.startsWith('0') && digits.length > 1 ? `{seq:${digits.length}}` : '{seq}';
      return { sequence: Number(digits), year: Number(m[2]), classCode: null, prefix: `${m[1]} ${m[3]}`, pattern: `${m[1]} {year}-${m[3]}-${seq}` };
    },
  },
];

/**
 * Recognise a registry number in one of the known shapes (for the archive importer and for
 * registering archive cases with their real number). Returns null for anything else.
 */
export function parseRegistryNumber(input: string): ParsedRegistryNumber | null {
  const registryNumber = normaliseRegistryNumber(input);
  if (registryNumber.length === 0 || registryNumber.length > 100) return null;
  for (const { shape, re, read } of SHAPES) {
    const m = re.exec(registryNumber);
    if (!m) continue;
    const parsed = read(m);
    if (parsed.sequence < 1) return null;
    return { shape, registryNumber, ...parsed };
  }
  return null;
}

const stockholmParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Stockholm (YYYY-MM-DD): a registration at 00:30 on 1 January is the new year's. */
export function stockholmDate(at: Date): string {
  const parts = Object.fromEntries(stockholmParts.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export function stockholmYear(at: Date): number {
  return Number(stockholmDate(at).slice(0, 4));
}
