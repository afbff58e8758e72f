/**
 * Layout recovery: turns the lines of a protocol extract, statement or memo — plain, Markdown-like,
 * hard-wrapped, double-spaced (a blank line after every line, as PDF-to-text tools often write),
 * or with OCR debris — into headings, paragraphs and signature blocks, grouped into sections.
 *
 * General rules, not tuned to particular files:
 * - A heading is a Markdown heading, a whole-line bold phrase, a line from the vocabulary of
 *   Swedish board documents ("Beslut", "Socialnämndens beslut", "Förslag till beslut",
 *   "Beslutsgång", "Reservation", "Särskilt uttalande", "Ärendet", "Bilagor" …), or a short
 *   stand-alone line without closing punctuation that is followed by text.
 * - Wrapped lines are rejoined. A line break is kept as a paragraph break when the previous line
 *   ends a sentence (or the next starts with a capital) and the next line's first word would have
 *   fitted on the previous line (the classic reflow rule), at numbered points and bullets, at
 *   Markdown hard breaks, and at blank lines — in double-spaced text only at runs of blank lines.
 * - A paragraph cut by a page break (no closing punctuation, next part starts in lower case) is
 *   joined again. Hyphenated line ends are joined without the hyphen when the joined word is Swedish.
 * - Runs of short lines holding person names and job titles ("Arjun Bakshi" /
 *   "arbetsmarknadsdirektör Arja Lindholm" / "kommunikationschef") are signature blocks.
 */
import { isKnownWord } from './ocr-repair.js';
import { endsSentence, fold, squash, startsLower, startsUpper } from './text-utils.js';

export type SectionKey =
  | 'header'
  | 'decision'
  | 'proposal'
  | 'procedure'
  | 'reservation'
  | 'specialStatement'
  | 'matter'
  | 'attachments'
  | 'caseOfficers'
  | 'to'
  | 'docType'
  | 'other';

export const CONTENT_KEYS: ReadonlySet<SectionKey> = new Set([
  'decision', 'proposal', 'procedure', 'reservation', 'specialStatement', 'matter', 'attachments',
]);

export interface SignatureEntry {
  name: string;
  title: string | null;
}

export interface Block {
  kind: 'heading' | 'para' | 'signature' | 'meta';
  text: string;
  /** for headings */
  key?: SectionKey;
  /** for headings like "Arbetsmarknadsförvaltningens förslag till beslut": "Arbetsmarknadsförvaltningens" */
  prefix?: string | null;
  /** item number of a paragraph starting with "1." / "1)" */
  number?: number | null;
  bullet?: boolean;
  entries?: SignatureEntry[];
}

export interface Section {
  key: SectionKey;
  heading: string | null;
  prefix: string | null;
  blocks: Block[];
}

export interface Layout {
  blocks: Block[];
  sections: Section[];
  doubleSpaced: boolean;
}

interface HeadingMatch {
  key: SectionKey;
  prefix: string | null;
}

const BODY_GENITIVE = String.raw`.*(?:namnd|namnden|styrelse|styrelsen|fullmaktige|rad|radet|utskott|utskottet|beredning|beredningen)s`;

const HEADING_PATTERNS: Array<[RegExp, SectionKey]> = [
  [/^beslut$/, 'decision'],
  [new RegExp(`^(${BODY_GENITIVE}) beslut$`), 'decision'],
  [/^(?:(.+?s) )?forslag till beslut$/, 'proposal'],
  [/^yrkanden?$/, 'proposal'],
  [/^(?:beslutsgang|beslutsordning|propositionsordning|omrostning(?:ar)?|votering|omrostningsresultat|beslutsgang och omrostning)$/, 'procedure'],
  [/^reservation(?:er)?(?: .{0,60})?$/, 'reservation'],
  [/^(?:sarskilt uttalande|sarskilda uttalanden|sarskilt yttrande|protokollsanteckning(?:ar)?)(?: .{0,60})?$/, 'specialStatement'],
  [/^(?:bilagor|bilaga(?: \d+)?)$/, 'attachments'],
  [/^(?:handlaggare|kontaktpersoner?|handlaggare och kontaktperson)$/, 'caseOfficers'],
  [/^till$/, 'to'],
  [/^(?:tjansteutlatande|utlatande|protokollsutdrag|utdrag ur protokoll.{0,80}|protokoll|pm|promemoria|minnesanteckningar?|tjansteanteckning|skrivelse)$/, 'docType'],
  [
    /^(?:arendet|arendena|bakgrund|sammanfattning(?: .{0,60})?|arendets beredning|beredning|(?:.{0,60}s )?synpunkter(?: och .{0,40})?|remissen|remissvar|yttrande|underlag for beslut|beslutsunderlag|ekonomiska (?:konsekvenser|forutsattningar)|tidplan|overlaggning|jav|justering|omedelbar justering|expedieras|inledning|syfte|(?:.{0,60}s )?bedomning|slutsatser?|analys|konsekvenser.{0,60}|uppfoljning|motivering|arendebeskrivning|beskrivning av arendet)$/,
    'matter',
  ],
];

/** Matches a line against the heading vocabulary (diacritics and case ignored). */
export function matchHeading(line: string): HeadingMatch | null {
  if (line.length > 110) return null;
  const clean = squash(line.replace(/[:.]+\s*$/, ''));
  if (clean.length === 0 || clean.length > 100) return null;
  let spaces = 0;
  for (let i = 0; i < clean.length; i++) if (clean.charCodeAt(i) === 32 && ++spaces > 7) return null;
  const f = fold(clean);
  for (const [re, key] of HEADING_PATTERNS) {
    const m = re.exec(f);
    if (!m) continue;
    let prefix: string | null = null;
    if ((key === 'proposal' || key === 'decision') && m[1]) {
      const words = clean.split(' ');
      const prefixWords = m[1].split(' ').length;
      prefix = words.slice(0, prefixWords).join(' ');
    }
    return { key, prefix };
  }
  return null;
}

// ---------- signature lines ----------

const TITLE_WORD = String.raw`[\p{L}-]*(?:direktör|direktor|chef|ordförande|sekreterare|handläggare|utredare|strateg|controller|jurist|samordnare|registrator|rådgivare|specialist|ekonom|intendent|föreståndare|kanslist|kommunalråd|borgarråd|stadsjurist|justerare)`;
const TITLE_RE = new RegExp(
  String.raw`^(?:(?:bitr(?:ädande)?\.?|t\.?f\.?|vice|biträdande)\s+)?${TITLE_WORD}(?:,\s*[\p{L} -]{2,60})?$|^(?:vid protokollet|justeras|justerat|justerare|ordförande|sekreterare)$`,
  'iu',
);
const NAME_WORD = String.raw`\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}]+)?`;
const NAME_RE = new RegExp(String.raw`^${NAME_WORD}(?:\s+(?:(?:von|af|van|de|der|den|da|di|la|le|du)\s+)?${NAME_WORD}){1,3}$`, 'u');
const NOT_NAME_WORDS = /\b(?:Stad|Stads|Stockholm|Stockholms|Kommun|Nämnd|Förvaltning|Bilaga|Bilagor|Remiss|Strategi|Sammanfattning|Dnr|Sida|Telefon|Ärendet|Beslut|Reservation|Avdelning|Enhet|Box|Till|Från)\b/u;

function isTitle(text: string): boolean {
  return text.length <= 70 && TITLE_RE.test(text);
}

function isName(text: string): boolean {
  return text.length <= 60 && NAME_RE.test(text) && !NOT_NAME_WORDS.test(text) && matchHeading(text) === null;
}

type SigToken = { t: 'N' | 'T'; text: string };

/** Reads a line as names and titles, or returns null when it is not a signature line. */
export function signatureTokens(line: string): SigToken[] | null {
  const text = squash(line);
  if (text.length === 0 || text.length > 90) return null;
  // names and job titles: at most six words, no digits, brackets or sentence punctuation
  if (/[\d()[\]!?;:"”“]|\.\s|\.$/.test(text) || text.split(' ').length > 6) return null;
  if (isTitle(text)) return [{ t: 'T', text }];
  if (isName(text)) return [{ t: 'N', text }];
  // "KulturdirektörPatrik Liljegren": split a title glued to a name (merged columns)
  const unglued = text.replace(/(\p{Ll}{3,})(\p{Lu}\p{Ll}+)/gu, (m, a: string, b: string) =>
    new RegExp(`${TITLE_WORD}$`, 'iu').test(a) ? `${a} ${b}` : m,
  );
  const words = unglued.split(' ');
  for (let i = 1; i < words.length; i++) {
    const left = words.slice(0, i).join(' ');
    const right = words.slice(i).join(' ');
    if (isTitle(left) && isName(right)) return [{ t: 'T', text: left }, { t: 'N', text: right }];
    if (isName(left) && isTitle(right)) return [{ t: 'N', text: left }, { t: 'T', text: right }];
  }
  return null;
}

/** Pairs names and titles: "name, title" order, or label-first ("Vid protokollet", names). */
export function pairSignatures(tokens: SigToken[]): SignatureEntry[] {
  const entries: SignatureEntry[] = [];
  const labelFirst = tokens[0]?.t === 'T';
  if (labelFirst) {
    let label: string | null = null;
    for (const tok of tokens) {
      if (tok.t === 'T') label = tok.text;
      else entries.push({ name: tok.text, title: label });
    }
    return entries;
  }
  const open: SignatureEntry[] = [];
  for (const tok of tokens) {
    if (tok.t === 'N') {
      const e = { name: tok.text, title: null as string | null };
      entries.push(e);
      open.push(e);
    } else {
      const e = open.shift();
      if (e) e.title = tok.text;
    }
  }
  return entries;
}

// ---------- line preparation ----------

interface Line {
  text: string;
  blank: boolean;
  mdLevel: number;
  bold: boolean;
  mdBreak: boolean;
  bullet: boolean;
  number: number | null;
  heading: HeadingMatch | null;
  meta: boolean;
  sig: SigToken[] | null;
  /** inline heading content ("Bilagor: 1. Strategi" → "1. Strategi") */
  inlineRest: string | null;
}

const BULLET_RE = /^(?:[-*•·▪●◦‣∙–]|\uF0B7|\uF0A7|\uF076|\uF0D8)\s+/u;
const NUMBER_RE = /^[”"“]?\s*\(?(\d{1,2})\s*[.)]\s+(?=\S)/;
const RULE_RE = /^(?:[-*_=]\s*){3,}$/;

function stripEmphasis(text: string): string {
  if (!/[*_\\]/.test(text)) return text;
  return text
    .replace(/\*\*|__/g, '')
    .replace(/(^|[\s(”"“])\*(?=\S)([^*]*?\S)\*(?=$|[\s).,;:!?”"])/g, '$1$2')
    .replace(/(^|[\s(])_(?=\S)([^_]*?\S)_(?=$|[\s).,;:!?])/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');
}

function prepareLines(text: string, markdownish: boolean): Line[] {
  const out: Line[] = [];
  const rawLines: string[] = [];
  for (const raw of text.split('\n')) {
    // a bold phrase glued to the end of another line marks merged columns: "… 945**Till**"
    const glued = markdownish && raw.includes('**') ? /^(.*?[^\s*])\s*(\*\*[^*\n]{1,60}\*\*)\s*$/.exec(raw) : null;
    if (markdownish && glued && !/^\s*\*\*/.test(raw) && !/^\s*#/.test(raw)) {
      rawLines.push(glued[1]!, glued[2]!);
    } else rawLines.push(raw);
  }
  for (const raw of rawLines) {
    const mdBreak = markdownish && / {2,}$/.test(raw);
    let t = raw.trim();
    let mdLevel = 0;
    const first = t.charAt(0);
    const h = first === '#' ? /^(#{1,6})\s+(.*?)\s*#*$/.exec(t) : null;
    if (h) {
      mdLevel = h[1]!.length;
      t = h[2]!;
    }
    const bold = (first === '*' || first === '_') && /^(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?$/.test(t) && !/^\*\*.*\*\*.+\*\*/.test(t);
    t = squash(stripEmphasis(t));
    let bullet = false;
    if (BULLET_RE.test(t) && !RULE_RE.test(t)) {
      bullet = true;
      t = t.replace(BULLET_RE, '');
    }
    const blank = t.length === 0 || RULE_RE.test(t);
    const numberMatch = NUMBER_RE.exec(t);
    const number = numberMatch ? Number(numberMatch[1]) : null;
    let heading: HeadingMatch | null = null;
    let inlineRest: string | null = null;
    // vocabulary headings start with a capital (or are Markdown): "beslut" inside wrapped text is text
    if (!blank && (mdLevel > 0 || bold || /^\p{Lu}/u.test(t))) {
      heading = matchHeading(t);
      const inline = t.includes(':') ? /^(Bilagor?|Bilaga\s+\d+|Beslut|Till|Handläggare)\s*:\s*(\S.*)$/iu.exec(t) : null;
      if (!heading && inline) {
        heading = matchHeading(inline[1]!);
        if (heading) inlineRest = inline[2]!;
      }
      if (!heading && (mdLevel > 0 || bold) && t.length <= 150) heading = { key: 'other', prefix: null };
      // vocabulary headings start with a capital (or are Markdown): "beslut" inside wrapped text is text
      if (heading && heading.key !== 'other' && mdLevel === 0 && !bold && !/^\p{Lu}/u.test(t)) heading = null;
    }
    const meta = !blank && !heading && t.length <= 60 && /^[dDsS]/.test(t) && /^(?:dnr|diarienummer|diarienr|sida \d+|sid \d+)\b[\s:.]*\S*/i.test(t);
    out.push({
      text: t,
      blank,
      mdLevel,
      bold,
      mdBreak,
      bullet,
      number,
      heading,
      meta,
      sig: null,
      inlineRest,
    });
  }
  return out;
}

/** Marks runs of signature lines (≥ 1 name and ≥ 1 title, single blank lines allowed). */
function markSignatures(lines: Line[]): Map<number, SignatureEntry[]> {
  const blocks = new Map<number, SignatureEntry[]>();
  const tokens = lines.map((l) => (l.blank || l.heading || l.meta || l.number !== null ? null : signatureTokens(l.text)));
  let i = 0;
  while (i < lines.length) {
    if (!tokens[i]) {
      i++;
      continue;
    }
    const run: number[] = [];
    let j = i;
    let blanks = 0;
    while (j < lines.length) {
      if (tokens[j]) {
        run.push(j);
        blanks = 0;
      } else if (lines[j]!.blank && blanks < 2) blanks++;
      else break;
      j++;
    }
    const all = run.flatMap((k) => tokens[k]!);
    if (all.some((t) => t.t === 'N') && all.some((t) => t.t === 'T')) {
      const entries = pairSignatures(all);
      for (const k of run) lines[k]!.sig = tokens[k]!;
      blocks.set(run[0]!, entries);
      for (const k of run.slice(1)) blocks.set(k, []);
    }
    i = run[run.length - 1]! + 1;
  }
  return blocks;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Infinity;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))]!;
}

function firstWordLength(text: string): number {
  return (/^\S+/.exec(text)?.[0] ?? '').length;
}

/** Joins a wrapped line to the text before it, resolving end-of-line hyphenation. */
function joinWrapped(prev: string, next: string): string {
  if (!prev.endsWith('-')) return `${prev} ${next}`;
  const hy = /([\p{L}\d]+)-$/u.exec(prev.slice(-80));
  if (hy && /^\p{L}/u.test(next)) {
    const head = hy[1]!;
    const nextWord = /^[\p{L}]+/u.exec(next)?.[0] ?? '';
    if (/^(?:och|eller|samt|respektive|resp)\b/.test(next)) return `${prev} ${next}`; // "miljö- och"
    if (head.length <= 2 || /^\p{Lu}+$/u.test(head) || /\d/.test(head)) return prev + next; // "e-strategi", "IT-frågor"
    if (startsLower(next) && isKnownWord(head + nextWord)) return prev.slice(0, -1) + next; // "genom-förandet"
    return prev + next;
  }
  return `${prev} ${next}`;
}

/** "Till Kulturnämnden" on one line → the "Till" heading and the name, as seed 003 writes it. */
const ADDRESSEE_LINE = /^(\s*)(till):?[ \t]+(\p{Lu}[^\n]{2,80}?(?:nämnden|nämnd|styrelsen|fullmäktige|rådet|råd))[ \t]*$/gimu;

export function layoutDocument(text: string): Layout {
  const markdownish = /^\s{0,3}#{1,6}\s|\*\*[^*\n]+\*\*/m.test(text);
  const lines = prepareLines(text.replace(ADDRESSEE_LINE, '$1$2\n$3'), markdownish);
  const sigBlocks = markSignatures(lines);

  const nonBlank: number[] = [];
  lines.forEach((l, i) => {
    if (!l.blank) nonBlank.push(i);
  });
  // double-spaced: most lines are followed by exactly one blank line and then text
  // and many of those lines stop mid-sentence (hard-wrapped), rather than being whole paragraphs
  let singleGap = 0;
  let midSentence = 0;
  const bodyLengths: number[] = [];
  for (let k = 0; k + 1 < nonBlank.length; k++) {
    if (nonBlank[k + 1]! - nonBlank[k]! !== 2) continue;
    singleGap++;
    const l = lines[nonBlank[k]!]!;
    if (l.heading) continue;
    bodyLengths.push(l.text.length);
    if (!endsSentence(l.text)) midSentence++;
  }
  const doubleSpaced =
    nonBlank.length >= 6 &&
    singleGap / nonBlank.length > 0.5 &&
    percentile(bodyLengths, 0.5) <= 120 &&
    midSentence >= bodyLengths.length * 0.3;

  const sepAfter = (k: number): 'none' | 'soft' | 'hard' | 'end' => {
    if (k + 1 >= nonBlank.length) return 'end';
    const gap = nonBlank[k + 1]! - nonBlank[k]! - 1;
    if (gap === 0) return 'none';
    if (doubleSpaced) return gap === 1 ? 'soft' : 'hard';
    return 'hard';
  };

  // wrap width: lengths of lines that continue into the next line
  const wrapLengths: number[] = [];
  for (let k = 0; k < nonBlank.length; k++) {
    const l = lines[nonBlank[k]!]!;
    const sep = sepAfter(k);
    if (l.heading || l.sig || l.text.length < 25) continue;
    if (sep === 'none' || (doubleSpaced && sep === 'soft')) wrapLengths.push(l.text.length);
  }
  const p90 = wrapLengths.length >= 5 ? percentile(wrapLengths, 0.9) : Infinity;
  const width = p90 > 200 ? Infinity : p90;

  // generic headings: short stand-alone lines without closing punctuation, followed by text
  for (let k = 0; k < nonBlank.length; k++) {
    const l = lines[nonBlank[k]!]!;
    if (l.heading || l.sig || l.meta || l.number !== null || l.bullet) continue;
    const t = l.text;
    if (t.length > 80 || t.split(' ').length > 12 || !/^[\p{Lu}]/u.test(t)) continue;
    if (/[.,;:!?]$/.test(t) || /\s(?:och|att|eller|samt|som|för|i|på|av|med|till|om|den|det|en|ett)$/i.test(t)) continue;
    if (/^§\s*\d/.test(t)) continue;
    const prevK = k - 1;
    const prevOk =
      prevK < 0 ||
      (sepAfter(prevK) === 'hard' && !lines[nonBlank[prevK]!]!.heading) ||
      (() => {
        const p = lines[nonBlank[prevK]!]!;
        // never right after another heading: "Till" / "Kulturnämnden" is a heading and its content
        if (p.heading) return false;
        return Boolean(p.sig || p.meta) || endsSentence(p.text) || /^§\s*\d+\s*$/.test(p.text);
      })();
    if (!prevOk) continue;
    const sep = sepAfter(k);
    if (sep === 'end') continue;
    if (sep === 'none') continue;
    if (doubleSpaced && width !== Infinity && t.length > width * 0.85) continue;
    const next = lines[nonBlank[k + 1]!]!;
    if (!startsUpper(next.text) && !next.heading) continue;
    l.heading = { key: 'other', prefix: null };
  }

  // assemble blocks
  const blocks: Block[] = [];
  let headingSeen = false;
  let para: { text: string; last: string; number: number | null; bullet: boolean } | null = null;
  const flush = (): void => {
    if (para) blocks.push({ kind: 'para', text: para.text, number: para.number, bullet: para.bullet });
    para = null;
  };
  for (let k = 0; k < nonBlank.length; k++) {
    const idx = nonBlank[k]!;
    const l = lines[idx]!;
    if (l.sig) {
      flush();
      const entries = sigBlocks.get(idx);
      if (entries && entries.length > 0) blocks.push({ kind: 'signature', text: l.text, entries });
      continue;
    }
    if (l.heading) {
      flush();
      headingSeen = true;
      blocks.push({ kind: 'heading', text: l.inlineRest ? l.text.replace(/\s*:\s*\S.*$/u, '') : l.text, key: l.heading.key, prefix: l.heading.prefix });
      if (l.inlineRest) {
        const n = NUMBER_RE.exec(l.inlineRest);
        para = { text: l.inlineRest, last: l.inlineRest, number: n ? Number(n[1]) : null, bullet: false };
      }
      continue;
    }
    if (l.meta) {
      flush();
      blocks.push({ kind: 'meta', text: l.text });
      continue;
    }
    const prevK = k - 1;
    const sepBefore = prevK >= 0 ? sepAfter(prevK) : 'hard';
    if (para !== null) {
      const p: { text: string; last: string; number: number | null; bullet: boolean } = para;
      const prevLine = lines[nonBlank[prevK]!]!;
      let brk = false;
      if (sepBefore === 'hard') brk = true;
      else if (prevLine.mdBreak) brk = true;
      else if (l.number !== null || l.bullet) brk = true;
      // title block / letterhead before the first heading: one unit per line unless continued in lower case
      else if (!headingSeen && k < 15 && !startsLower(l.text)) brk = true;
      else if (endsSentence(p.last) && p.last.length + 1 + firstWordLength(l.text) <= width - 1) brk = true;
      else if (startsUpper(l.text) && p.last.length < width * 0.6) brk = true;
      if (!brk) {
        p.text = joinWrapped(p.text, l.text);
        p.last = l.text;
        continue;
      }
      flush();
    }
    para = { text: l.text, last: l.text, number: l.number, bullet: l.bullet };
  }
  flush();

  // rejoin paragraphs cut by page breaks or blank lines mid-sentence
  const merged: Block[] = [];
  for (const b of blocks) {
    const prev = merged[merged.length - 1];
    if (
      prev &&
      prev.kind === 'para' &&
      b.kind === 'para' &&
      b.number === null &&
      !b.bullet &&
      !endsSentence(prev.text) &&
      !/[”"]$/.test(prev.text) &&
      startsLower(b.text)
    ) {
      prev.text = joinWrapped(prev.text, b.text);
      continue;
    }
    merged.push(b);
  }

  const sections: Section[] = [];
  let current: Section = { key: 'header', heading: null, prefix: null, blocks: [] };
  sections.push(current);
  for (const b of merged) {
    if (b.kind === 'heading') {
      current = { key: b.key ?? 'other', heading: b.text, prefix: b.prefix ?? null, blocks: [] };
      sections.push(current);
    } else current.blocks.push(b);
  }
  return { blocks: merged, sections, doubleSpaced };
}
