import type { Segment } from './model.js';

/**
 * Pure text helpers of the compilation: comparing texts, splitting answers into passages, building
 * the text-search query of a theme, and reading back the highlighted passages.
 */

const QUOTES = /["'`´\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2032\u2033\u00ab\u00bb\u2039\u203a]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;

/**
 * The form two texts are compared in: the same words in the same order count as the same text,
 * whatever the line breaks, spacing, quotation marks, dashes, letter case or point numbering
 * ("1. Att …" and "Att …"). Seeds 000 and 001 print L's reservation with different breaks and quotes.
 */
export function comparisonKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\u00ad/g, '')
    .replace(QUOTES, '')
    .replace(DASHES, '-')
    .replace(/(^|\s)\d{1,2}[.)](?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Two texts are the same reservation when their keys are equal, or when one long text holds the
 * other whole and adds little (one printed with its numbered points, the other without).
 */
export function sameText(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 200 && short.length >= 0.8 * long.length && long.includes(short);
}

/**
 * Passages without repetition, in their order: a passage whose words another already holds is
 * dropped; one that holds earlier ones replaces them (at the first one's place, keeping that one's
 * other fields: where it comes from and its link), so the fuller printing of a text is searched once.
 */
export function mergeOverlapping<T extends { text: string }>(items: readonly T[]): T[] {
  const kept: Array<{ item: T; key: string } | null> = [];
  for (const item of items) {
    const key = comparisonKey(item.text);
    if (!key || kept.some((k) => k !== null && k.key.includes(key))) continue;
    const held = kept.flatMap((k, i) => (k !== null && key.includes(k.key) ? [i] : []));
    if (held.length === 0) {
      kept.push({ item, key });
      continue;
    }
    const first = kept[held[0]!]!;
    for (const i of held) kept[i] = null;
    kept[held[0]!] = { item: { ...first.item, text: item.text }, key };
  }
  return kept.filter((k) => k !== null).map((k) => k.item);
}

/** Sentence ends: a paragraph that ends otherwise continues on the next "paragraph". */
const ENDS_SENTENCE = /[.!?:;”"»)\]]$/;
const STARTS_LOWER = /^[\p{Ll}\d(,–-]/u;

/**
 * Paragraphs of a text. Blank lines separate paragraphs, but text extracted from PDFs (seed 000)
 * has a blank line after every printed line: a chunk that does not end a sentence and is followed
 * by a lowercase word, or is as long as a printed line, is joined with the next one.
 */
export function splitParagraphs(text: string | null | undefined): string[] {
  if (!text) return [];
  const chunks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0]*\n/)
    .map((c) => c.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const out: string[] = [];
  for (const chunk of chunks) {
    const prev = out[out.length - 1];
    if (prev !== undefined && !ENDS_SENTENCE.test(prev) && (STARTS_LOWER.test(chunk) || prev.length >= 50)) {
      out[out.length - 1] = `${prev} ${chunk}`;
    } else {
      out.push(chunk);
    }
  }
  return out;
}

/** About `max` characters, cut at a word boundary, with an ellipsis when shortened. */
export function shorten(text: string, max = 400): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')} …`;
}

/** Numbered points as one text: "1. Att …\n2. Att …" (a single point without a number). */
export function numberedPoints(points: readonly string[]): string {
  const clean = points.map((p) => p.replace(/^\s*\d{1,2}[.)]\s*/, '').trim()).filter(Boolean);
  if (clean.length === 1) return clean[0]!;
  return clean.map((p, i) => `${i + 1}. ${p}`).join('\n');
}

// ── text search ───────────────────────────────────────────────────────────────

const WORD = /^[\p{L}\p{N}][\p{L}\p{N}-]*\*?$/u;

/** True when every word of the term is a plain word with an optional trailing `*`. */
export function isValidTerm(term: string): boolean {
  const words = term.trim().split(/\s+/);
  return words.length > 0 && words.every((w) => WORD.test(w));
}

/**
 * A term as a `to_tsquery` expression: words of a phrase follow each other (`<->`), `*` is a
 * prefix match (`:*`). Every word is stemmed by the 'swedish' configuration when it is parsed.
 */
export function termQuery(term: string): string {
  if (!isValidTerm(term)) throw new Error(`invalid theme term: ${JSON.stringify(term)}`);
  const words = term
    .trim()
    .split(/\s+/)
    .map((w) => (w.endsWith('*') ? `${w.slice(0, -1).toLowerCase()}:*` : w.toLowerCase()));
  return words.length > 1 ? `(${words.join(' <-> ')})` : words[0]!;
}

/** A theme's terms as one expression: the terms are alternatives (`|`). */
export function themeQuery(terms: readonly string[]): string {
  return terms.map(termQuery).join(' | ');
}

/** Markers ts_headline puts around matched words (never present in the text: masked first). */
export const MARK_START = '\u0001';
export const MARK_END = '\u0002';

/**
 * The parser of the text search treats `<…>` as tags and `&…;` as entities and ts_headline drops
 * them: those characters are swapped for control characters before searching and back after.
 */
const MASKS: Array<[string, string]> = [
  ['<', '\u0003'],
  ['>', '\u0004'],
  ['&', '\u0005'],
];

export function maskForSearch(text: string): string {
  let out = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ');
  for (const [c, m] of MASKS) out = out.split(c).join(m);
  return out;
}

function unmask(text: string): string {
  let out = text;
  for (const [c, m] of MASKS) out = out.split(m).join(c);
  return out;
}

/** ts_headline's output as segments; the caller escapes every segment when it renders them. */
export function parseHeadline(headline: string): Segment[] {
  const segments: Segment[] = [];
  const push = (text: string, match: boolean) => {
    if (!text) return;
    const last = segments[segments.length - 1];
    if (last && last.match === match) last.text += text;
    else segments.push({ text, match });
  };
  let rest = headline;
  while (rest.length) {
    const start = rest.indexOf(MARK_START);
    if (start < 0) {
      push(unmask(rest), false);
      break;
    }
    push(unmask(rest.slice(0, start)), false);
    const end = rest.indexOf(MARK_END, start + 1);
    const stop = end < 0 ? rest.length : end;
    push(unmask(rest.slice(start + 1, stop)), true);
    rest = end < 0 ? '' : rest.slice(end + 1);
  }
  return segments;
}

/** Marks an excerpt that starts or ends inside its passage with an ellipsis. */
export function withEllipses(segments: Segment[], passage: string): Segment[] {
  const flat = (x: string) => x.replace(/\s+/g, ' ').trim();
  const full = flat(passage);
  const shown = flat(segments.map((s) => s.text).join(''));
  if (!shown || shown === full) return segments;
  const out = [...segments];
  if (!full.startsWith(shown.slice(0, 30))) out.unshift({ text: '… ', match: false });
  if (!full.endsWith(shown.slice(-30))) out.push({ text: ' …', match: false });
  return out;
}

/** Options of ts_headline: the whole passage when short, else up to three fragments. */
export function headlineOptions(text: string): string {
  const marks = `StartSel="${MARK_START}", StopSel="${MARK_END}"`;
  const words = text.split(/\s+/).length;
  return words <= 70 ? `${marks}, HighlightAll=true` : `${marks}, MaxFragments=3, MaxWords=30, MinWords=12, FragmentDelimiter=" … "`;
}

/**
 * A link into a page that scrolls to and highlights the passage in browsers that support text
 * fragments (`#:~:text=`): the first words of the passage.
 */
export function textFragment(passage: string): string {
  const words = passage.replace(/\s+/g, ' ').trim().split(' ').slice(0, 4).join(' ');
  if (!words) return '';
  const enc = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
  return `#:~:text=${enc(words)}`;
}
