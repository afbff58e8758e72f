/**
 * A body's registry number pattern (diarienummerformat), e.g. "{seq}-{year}-{class}" → 304-2016-1.5.1,
 * "{class}-{seq}/{year}" → 1.7.1-368/2016, "T {year}-313-{seq:5}" → T 2010-313-01743.
 *
 * Tokens: {seq} (the running number), {seq:N} (zero-padded to at least N digits, 1–10),
 * {year} (four digits) and {class} (filing-plan class such as 1.5.1). Everything else is
 * literal text. Exactly one sequence token; {year} and {class} at most once each; two tokens
 * must be separated by at least one literal character so a number can be read back.
 *
 * Pure: no database, no i18n. Problem codes map to the messages `organisation.pattern.<code>`.
 *
 * This is the one parser of the pattern syntax: the registry module formats and reads back
 * numbers from the segments returned here.
 */
export const REGISTRY_PATTERN_MAX = 100;
export const SEQ_WIDTH_MAX = 10;

export type PatternSegment =
  | { type: 'literal'; text: string }
  | { type: 'seq'; width: number | null }
  | { type: 'year' }
  | { type: 'class' };

export const PATTERN_PROBLEMS = [
  'empty',
  'tooLong',
  'missingSeq',
  'missingYear',
  'duplicateToken',
  'unknownToken',
  'unbalancedBrace',
  'badWidth',
  'adjacentTokens',
  'controlCharacter',
] as const;
export type PatternProblem = (typeof PATTERN_PROBLEMS)[number];

/**
 * Problems that make a pattern unfit to be saved but leave its structure intact (one {seq},
 * known tokens, balanced braces). A pattern stored before a rule existed, such as "UA-{seq}"
 * without {year}, can still number cases, so a refusal with only these problems keeps the segments.
 */
const STRUCTURE_INTACT: ReadonlySet<PatternProblem> = new Set<PatternProblem>(['tooLong', 'controlCharacter', 'missingYear', 'adjacentTokens']);

export type PatternResult =
  | { ok: true; segments: PatternSegment[] }
  /** `segments` is null unless every problem is one that leaves the structure intact (see above). */
  | { ok: false; problems: PatternProblem[]; segments: PatternSegment[] | null };

const TOKEN = /^(seq|year|class)(?::(\d+))?$/;

export function validateRegistryPattern(pattern: string): PatternResult {
  const problems = new Set<PatternProblem>();
  if (pattern.trim() === '') return { ok: false, problems: ['empty'], segments: null };
  if ([...pattern].length > REGISTRY_PATTERN_MAX) problems.add('tooLong');
  // Control characters (tabs, newlines, NUL …) never belong in a number printed on a document.
  if (/\p{Cc}/u.test(pattern)) problems.add('controlCharacter');

  const segments: PatternSegment[] = [];
  const counts = { seq: 0, year: 0, class: 0 };
  let literal = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === '}') {
      problems.add('unbalancedBrace');
      i++;
      continue;
    }
    if (ch !== '{') {
      literal += ch;
      i++;
      continue;
    }
    const end = pattern.indexOf('}', i + 1);
    const nextOpen = pattern.indexOf('{', i + 1);
    if (end === -1 || (nextOpen !== -1 && nextOpen < end)) {
      problems.add('unbalancedBrace');
      i++;
      continue;
    }
    const inner = pattern.slice(i + 1, end);
    i = end + 1;
    const match = TOKEN.exec(inner);
    if (!match) {
      problems.add('unknownToken');
      continue;
    }
    const name = match[1] as 'seq' | 'year' | 'class';
    const widthText = match[2];
    if (widthText !== undefined && name !== 'seq') {
      problems.add('unknownToken');
      continue;
    }
    let width: number | null = null;
    if (widthText !== undefined) {
      width = Number(widthText);
      if (!Number.isInteger(width) || width < 1 || width > SEQ_WIDTH_MAX) problems.add('badWidth');
    }
    if (literal) {
      segments.push({ type: 'literal', text: literal });
      literal = '';
    } else if (segments.length > 0 && segments[segments.length - 1]!.type !== 'literal') {
      problems.add('adjacentTokens');
    }
    counts[name]++;
    if (counts[name] > 1) problems.add('duplicateToken');
    segments.push(name === 'seq' ? { type: 'seq', width } : { type: name });
  }
  if (literal) segments.push({ type: 'literal', text: literal });
  if (counts.seq === 0) problems.add('missingSeq');
  // The series restarts every year, so without {year} next year's numbers would repeat this year's.
  if (counts.year === 0) problems.add('missingYear');

  if (problems.size) {
    const list = PATTERN_PROBLEMS.filter((p) => problems.has(p));
    return { ok: false, problems: list, segments: list.every((p) => STRUCTURE_INTACT.has(p)) ? segments : null };
  }
  return { ok: true, segments };
}

/** True if the pattern has a {class} token (then a default class or a class per case is needed). */
export function patternUsesClass(pattern: string): boolean {
  const result = validateRegistryPattern(pattern);
  return result.ok && result.segments.some((s) => s.type === 'class');
}

/**
 * An example number for a valid pattern (for the body form's hint and the body page):
 * sequence 42, the given year and class.
 */
export function exampleRegistryNumber(pattern: string, year: number, classCode: string | null): string | null {
  const result = validateRegistryPattern(pattern);
  if (!result.ok) return null;
  return result.segments
    .map((s) => {
      switch (s.type) {
        case 'literal':
          return s.text;
        case 'seq':
          return s.width ? '42'.padStart(s.width, '0') : '42';
        case 'year':
          return String(year);
        case 'class':
          return classCode ?? '1.1.1';
      }
    })
    .join('');
}
