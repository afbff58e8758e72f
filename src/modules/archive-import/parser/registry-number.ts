/**
 * Registry numbers (diarienummer, "Dnr") as Stockholm's boards write them. The known shapes,
 * generalised from real documents:
 *
 * | name                    | example              | parts                                         |
 * |-------------------------|----------------------|-----------------------------------------------|
 * | serialYearClass         | `304-2016-1.5.1`     | serial – year – classification code           |
 * | classSerialYear         | `1.7.1-368/2016`     | classification – serial / year (or - year)    |
 * |                         | `1.5.1-135-2012`     |                                               |
 * | seriesSerialYear        | `171-908/2016`       | series – serial / year                        |
 * | prefixedYearSeriesSerial| `T 2010-313-01743`   | office letters, year – series – serial        |
 * | prefixedYearSerial      | `KS 2016/123`        | office letters, year / serial (or - serial)   |
 *
 * Used by the archive import (to find and check numbers in text) and by the registry (to validate
 * numbers typed in by hand).
 */
export interface RegistryNumberPattern {
  name: 'serialYearClass' | 'classSerialYear' | 'seriesSerialYear' | 'prefixedYearSeriesSerial' | 'prefixedYearSerial';
  /** anchored regex for one normalised number */
  regex: RegExp;
  example: string;
}

const YEAR = String.raw`(?:19|20)\d{2}`;
const CLASS = String.raw`\d{1,2}(?:\.\d{1,2}){1,3}`;
const SERIAL = String.raw`\d{1,6}`;
const PREFIX = String.raw`[A-ZÅÄÖ]{1,4}`;

const SOURCES: Record<RegistryNumberPattern['name'], string> = {
  serialYearClass: String.raw`${SERIAL}-${YEAR}-${CLASS}`,
  classSerialYear: String.raw`${CLASS}-${SERIAL}[/-]${YEAR}`,
  seriesSerialYear: String.raw`\d{1,4}-${SERIAL}/${YEAR}`,
  prefixedYearSeriesSerial: String.raw`${PREFIX} ?${YEAR}-\d{1,4}-${SERIAL}`,
  prefixedYearSerial: String.raw`${PREFIX} ?${YEAR}[/-]${SERIAL}`,
};

export const REGISTRY_NUMBER_PATTERNS: readonly RegistryNumberPattern[] = [
  { name: 'serialYearClass', regex: new RegExp(`^${SOURCES.serialYearClass}$`), example: '304-2016-1.5.1' },
  { name: 'classSerialYear', regex: new RegExp(`^${SOURCES.classSerialYear}$`), example: '1.7.1-368/2016' },
  { name: 'seriesSerialYear', regex: new RegExp(`^${SOURCES.seriesSerialYear}$`), example: '171-908/2016' },
  { name: 'prefixedYearSeriesSerial', regex: new RegExp(`^${SOURCES.prefixedYearSeriesSerial}$`), example: 'T 2010-313-01743' },
  { name: 'prefixedYearSerial', regex: new RegExp(`^${SOURCES.prefixedYearSerial}$`), example: 'KS 2016/123' },
];

/** Trims, collapses spaces, drops trailing punctuation and "Dnr" labels. */
export function normalizeRegistryNumber(value: string): string {
  return value
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:dnr|diarienummer|diarienr|ärendenummer)[:.]?\s*/i, '')
    .replace(/[.,;:)\]]+$/, '')
    .replace(/^[(\[]+/, '')
    .trim();
}

/** The name of the known pattern a number matches, or null. */
export function matchRegistryNumberPattern(value: string): RegistryNumberPattern['name'] | null {
  const v = normalizeRegistryNumber(value);
  for (const p of REGISTRY_NUMBER_PATTERNS) if (p.regex.test(v)) return p.name;
  return null;
}

export function isKnownRegistryNumber(value: string): boolean {
  return matchRegistryNumberPattern(value) !== null;
}

export interface FoundRegistryNumber {
  value: string;
  pattern: RegistryNumberPattern['name'] | null;
  index: number;
}

/** After a "Dnr" label: letters + digits run with the separators used in numbers. */
const LABELLED = /\b(?:dnr|diarienummer|diarienr|diarie-?nr|ärendenummer|vårt dnr|ert dnr)\s*[:.]?\s*((?:[A-ZÅÄÖ]{1,4}[\s/-]?)?\d[\dA-Za-z./:-]*)/giu;
const BARE_NUMERIC = new RegExp(`(${[SOURCES.serialYearClass, SOURCES.classSerialYear, SOURCES.seriesSerialYear].join('|')})(?![\\w/-]|\\.\\d)`, 'g');
const BARE_PREFIXED = new RegExp(`(${SOURCES.prefixedYearSeriesSerial})(?![\\w/-]|\\.\\d)`, 'g');

/**
 * Registry numbers in a text: every number after a "Dnr"/"diarienummer" label (known shape or
 * not), plus numbers of a known, distinctive shape standing alone. In order of appearance, unique.
 */
export function findRegistryNumbers(text: string): FoundRegistryNumber[] {
  const found = new Map<string, FoundRegistryNumber>();
  const add = (raw: string, index: number): void => {
    const value = normalizeRegistryNumber(raw);
    if (value.length < 3 || !/\d/.test(value)) return;
    if (!found.has(value)) found.set(value, { value, pattern: matchRegistryNumberPattern(value), index });
  };
  for (const m of text.matchAll(LABELLED)) add(m[1]!, m.index);
  for (const re of [BARE_NUMERIC, BARE_PREFIXED]) {
    for (const m of text.matchAll(re)) {
      // not inside a longer token ("x304-2016-1.5.1", "1.304-2016-1.5.1")
      if (m.index > 0 && /[\w./-]/.test(text[m.index - 1]!)) continue;
      const v = normalizeRegistryNumber(m[1]!);
      if (!found.has(v)) add(m[1]!, m.index);
    }
  }
  return [...found.values()].sort((a, b) => a.index - b.index);
}
