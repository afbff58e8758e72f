/**
 * Repairs OCR damage in Swedish text where the repair is unambiguous.
 *
 * OCR engines without a Swedish model lose the ring and the dots of å/ä/ö and read them as a, o,
 * é, è, d, i, &, 4, 6, 0 or two-character smudges (éa, ad, éd, ia, id, d&). For every word the
 * dictionary does not know, we search the Swedish word trie for spellings reachable by replacing
 * those characters with å/ä/ö (a few substitutions at most, compounds allowed) and accept the
 * repair only if exactly one spelling results. Two documented refinements keep that rule useful:
 * - a directly listed word beats forms only reachable as a compound of parts;
 * - when the candidates are still several, a candidate that is one of the most frequent Swedish
 *   function words wins only if no other candidate is frequent too ("fran" → "från", not "frän").
 * A second, stricter pass runs only in documents that the first pass shows to be damaged
 * (≥ 3 repairs and ≥ 0.5 % of words): known words that OCR typically produces from a more common
 * word ("for" → "för", "ar" → "är"), a lone "1"/"|" read for "i"/"I", "i1" for "i".
 * Case is kept: "Arendet" → "Ärendet", "OPPNA" → "ÖPPNA"; stray capitals inside a word ("fOr")
 * are lowered.
 */
import { F_BEGIN, F_END, F_MIDDLE, F_STANDALONE, lookupWord, swedishWords, trieChild, type WordTrie } from './dictionary.js';
import { FREQUENT_RANK } from './frequent-words.js';

export interface OcrRepair {
  from: string;
  to: string;
  count: number;
}

export interface OcrRepairResult {
  text: string;
  repairs: OcrRepair[];
}

/** Single characters OCR produces for å/ä/ö (and a few other confusions), lower case. */
const SINGLE: Record<string, readonly string[]> = {
  a: ['å', 'ä'],
  o: ['ö'],
  i: ['ä', 'å'],
  d: ['ä', 'å', 'ö'],
  é: ['ä', 'å', 'ö'],
  è: ['ä', 'å', 'ö'],
  ê: ['ä', 'å', 'ö'],
  ë: ['ä', 'ö'],
  á: ['å', 'ä', 'a'],
  à: ['å', 'ä', 'a'],
  â: ['å', 'ä', 'a'],
  ã: ['å', 'ä', 'a'],
  ó: ['ö', 'o'],
  ò: ['ö', 'o'],
  ô: ['ö', 'o'],
  õ: ['ö', 'o'],
  '&': ['ä', 'å'],
  '4': ['å', 'ä'],
  '6': ['ö'],
  '0': ['ö', 'o'],
  '1': ['l', 'i'],
  '|': ['l', 'i'],
};

/** Two-character smudges read for one letter. */
const DOUBLE: Record<string, readonly string[]> = {
  éa: ['å', 'ä'],
  ea: ['å', 'ä'],
  ad: ['å', 'ä'],
  éd: ['ä', 'å'],
  ia: ['ä'],
  id: ['ä'],
  'd&': ['ä'],
  '&d': ['ä'],
};

/**
 * Known words that damaged OCR text mostly contains in place of a more frequent word. Applied only
 * in documents already shown to be damaged.
 */
const DAMAGED_ONLY: Record<string, string> = {
  for: 'för',
  ar: 'är',
  dr: 'är',
  sa: 'så',
  nar: 'när',
  da: 'då',
  ga: 'gå',
  fa: 'få',
  bade: 'både',
  hog: 'hög',
  over: 'över',
  mal: 'mål',
  malen: 'målen',
  malet: 'målet',
  ater: 'åter',
  fore: 'före',
};

const MIN_PARTS_LEN = 2;
const MAX_PARTS = 4;
const MAX_RESULTS = 8;
const STEP_BUDGET = 40_000;

interface Candidate {
  word: string;
  subst: number;
  compound: boolean;
}

/** Search steps left for the current repairOcr call (bounds the work on pathological input). */
let callBudget = Infinity;
const CALL_BUDGET = 3_000_000;

class Search {
  private readonly results = new Map<string, Candidate>();
  private steps = 0;
  private readonly out: string[] = [];
  constructor(
    private readonly trie: WordTrie,
    private readonly input: string,
    private readonly maxSubst: number,
  ) {}

  run(): Candidate[] {
    this.walk(0, 0, 0, 0, 0);
    callBudget -= this.steps;
    return [...this.results.values()];
  }

  private full(): boolean {
    return this.results.size > MAX_RESULTS || this.steps > STEP_BUDGET;
  }

  private walk(pos: number, node: number, partLen: number, partIndex: number, subst: number): void {
    if (this.full()) return;
    this.steps++;
    const { trie, input } = this;
    const f = trie.flags[node]!;
    if (pos === input.length) {
      if (partIndex === 0 ? f & F_STANDALONE : f & F_END && partLen >= MIN_PARTS_LEN) {
        const word = this.out.join('');
        const prev = this.results.get(word);
        const compound = partIndex > 0;
        if (!prev || prev.subst > subst || (prev.compound && !compound)) this.results.set(word, { word, subst, compound });
      }
      return;
    }
    // compound boundary: the part so far may begin (or continue) a compound
    if (
      partLen >= MIN_PARTS_LEN &&
      partIndex + 1 < MAX_PARTS &&
      input.length - pos >= MIN_PARTS_LEN &&
      f & (partIndex === 0 ? F_BEGIN : F_BEGIN | F_MIDDLE)
    ) {
      this.walk(pos, 0, 0, partIndex + 1, subst);
    }
    const c = input[pos]!;
    const exact = trieChild(trie, node, input.charCodeAt(pos));
    if (exact >= 0) {
      this.out.push(c);
      this.walk(pos + 1, exact, partLen + 1, partIndex, subst);
      this.out.pop();
    }
    if (subst >= this.maxSubst) return;
    const singles = SINGLE[c];
    if (singles) {
      for (const r of singles) {
        const child = trieChild(trie, node, r.charCodeAt(0));
        if (child < 0) continue;
        this.out.push(r);
        this.walk(pos + 1, child, partLen + 1, partIndex, subst + 1);
        this.out.pop();
      }
    }
    if (pos + 1 < input.length) {
      const doubles = DOUBLE[input.slice(pos, pos + 2)];
      if (doubles) {
        for (const r of doubles) {
          const child = trieChild(trie, node, r.charCodeAt(0));
          if (child < 0) continue;
          this.out.push(r);
          this.walk(pos + 2, child, partLen + 1, partIndex, subst + 1);
          this.out.pop();
        }
      }
    }
  }
}

function isKnownLower(trie: WordTrie, lower: string): 'listed' | 'compound' | null {
  // hyphenated words are known when each part is (an empty or one-letter part is fine: "e-tjänst")
  if (lower.includes('-')) {
    let worst: 'listed' | 'compound' | null = 'listed';
    for (const part of lower.split('-')) {
      if (part.length < 2) continue;
      const k = lookupWord(trie, part);
      if (k === null) return null;
      if (k === 'compound') worst = 'compound';
    }
    return worst;
  }
  return lookupWord(trie, lower);
}

const knownCache = new Map<string, 'listed' | 'compound' | null>();
const repairCache = new Map<string, string | null>();
const CACHE_LIMIT = 200_000;

function cacheSet<V>(map: Map<string, V>, key: string, value: V): void {
  if (map.size >= CACHE_LIMIT) map.clear();
  map.set(key, value);
}

/** Whether a word (any case) is Swedish per the dictionary: a listed form or a compound of them. */
export function isKnownWord(word: string): boolean {
  return knownState(word.toLowerCase()) !== null;
}

function knownState(lower: string): 'listed' | 'compound' | null {
  const hit = knownCache.get(lower);
  if (hit !== undefined || knownCache.has(lower)) return hit ?? null;
  const state = isKnownLower(swedishWords(), lower);
  cacheSet(knownCache, lower, state);
  return state;
}

function pickCandidate(cands: Candidate[]): string | null {
  if (cands.length === 0) return null;
  if (cands.length === 1) return cands[0]!.word;
  const listed = cands.filter((c) => !c.compound);
  if (listed.length === 1) return listed[0]!.word;
  const pool = listed.length > 0 ? listed : cands;
  const frequent = pool.filter((c) => FREQUENT_RANK.has(c.word));
  if (frequent.length === 1) return frequent[0]!.word;
  if (frequent.length > 1) {
    // both frequent: take the far more frequent one ("4r" → "är" rather than "år")
    const ranked = frequent.map((c) => ({ c, r: FREQUENT_RANK.get(c.word)! })).sort((a, b) => a.r - b.r);
    if (ranked[1]!.r >= ranked[0]!.r * 3 + 5) return ranked[0]!.c.word;
  }
  return null;
}

/** The repaired lower-case spelling of an unknown lower-case word, or null. */
function repairLower(lower: string): string | null {
  const hit = repairCache.get(lower);
  if (hit !== undefined || repairCache.has(lower)) return hit ?? null;
  if (callBudget <= 0) return null; // not cached: another call may afford the search
  let result: string | null = null;
  const state = knownState(lower);
  if (state !== 'listed' && lower.length >= 2 && lower.length <= 40) {
    const maxSubst = lower.length <= 4 ? 2 : lower.length <= 8 ? 3 : 5;
    let cands = new Search(swedishWords(), lower, maxSubst).run().filter((c) => c.word !== lower && c.subst > 0);
    // a word the dictionary knows only as a compound ("forslag" = fors+lag) is repaired only to a
    // directly listed word
    if (state === 'compound') cands = cands.filter((c) => !c.compound);
    result = pickCandidate(cands);
  }
  cacheSet(repairCache, lower, result);
  return result;
}

const damagedCache = new Map<string, string | null>();

/** Context-free repairs applied only in damaged documents. */
function repairDamagedToken(token: string): string | null {
  const lower = token.toLowerCase();
  const mapped = DAMAGED_ONLY[lower];
  if (mapped && mapped !== lower) return applyCase(token, mapped);
  // a word known only as a compound of parts is suspect too: "arbetsmarknadsdirektor" → "…direktör"
  if (!token.includes('-') && shouldTry(token) && knownState(lower) === 'compound') {
    const fixed = repairCompoundLower(lower);
    if (fixed !== null) return applyCase(token, fixed);
  }
  if (/^[iI][1l|]$/.test(token)) return token[0]!;
  return null;
}

const compoundCache = new Map<string, string | null>();

/** Damaged documents only: repairs a compound-only word to a unique compound or listed word. */
function repairCompoundLower(lower: string): string | null {
  const hit = compoundCache.get(lower);
  if (hit !== undefined || compoundCache.has(lower)) return hit ?? null;
  if (callBudget <= 0) return null;
  const maxSubst = lower.length <= 8 ? 2 : 3;
  const cands = new Search(swedishWords(), lower, maxSubst).run().filter((c) => c.word !== lower && c.subst > 0);
  const result = pickCandidate(cands);
  cacheSet(compoundCache, lower, result);
  return result;
}

function applyCase(original: string, lower: string): string {
  const letters = [...original].filter((ch) => /\p{L}/u.test(ch));
  const isUpper = (ch: string): boolean => ch !== ch.toLowerCase() && ch === ch.toUpperCase();
  if (letters.length > 1 && letters.every(isUpper)) return lower.toUpperCase();
  const first = original[0] ?? '';
  if (isUpper(first) || first === '|') return lower.charAt(0).toUpperCase() + lower.slice(1);
  return lower;
}

/** Anchors of web addresses and e-mail addresses, which are never repaired. */
const MASK_ANCHOR = /https?:\/\/|www\.|@|\.(?:se|com|org|nu|net|eu)\b/gi;

/** [start, end) ranges of the whitespace-delimited chunks that contain an address anchor. */
function maskedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const m of text.matchAll(MASK_ANCHOR)) {
    let a = m.index;
    while (a > 0 && !/\s/.test(text[a - 1]!)) a--;
    let b = m.index + m[0].length;
    while (b < text.length && !/\s/.test(text[b]!)) b++;
    const last = ranges[ranges.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else ranges.push([a, b]);
  }
  return ranges;
}

function shouldTry(token: string): boolean {
  if (!/\p{L}/u.test(token)) return false;
  const letters = token.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2 && !/[&|]/.test(token)) {
    return /^\p{L}\d|\d\p{L}$/u.test(token) && token.length === 2; // "4r", "i1"
  }
  // acronyms and codes: STHLM, ILS, T2010
  if (letters.length >= 2 && letters === letters.toUpperCase() && token.length <= 8) return false;
  return true;
}

function repairToken(token: string): string | null {
  if (!shouldTry(token)) return null;
  if (token.includes('-')) {
    // repair each hyphen part separately ("milj6-", "it-omradet")
    let changed = false;
    const parts = token.split('-').map((p) => {
      const r = p.length >= 2 ? repairToken(p) : null;
      if (r !== null) changed = true;
      return r ?? p;
    });
    return changed ? parts.join('-') : null;
  }
  const lower = token.toLowerCase();
  if (knownState(lower) === 'listed') return null;
  const fixed = repairLower(lower);
  if (fixed === null) return null;
  return applyCase(token, fixed);
}

const COUNTING_NOUNS = new Set([
  'punkt', 'punkterna', 'bilaga', 'bilagan', 'kapitel', 'sida', 'sidan', 'nr', 'nummer', 'steg', 'fas', 'paragraf',
  'område', 'insatsområde', 'mål', 'år', 'alternativ', 'del', 'etapp', 'kvartal', 'tertial', 'version', 'avsnitt',
  'bilagorna', 'klass', 'nivå', 'grupp', 'plan', 'vecka', 'dag', 'rum', 'tabell', 'figur', 'diagram', 'prioritet',
]);

interface Tok {
  start: number;
  end: number;
  text: string;
  hasLetter: boolean;
}

const tokenCache = new Map<string, string | null>();

/** 0: separator, 1: letter, 2: digit or OCR symbol (& |) */
function charClass(code: number): 0 | 1 | 2 {
  if (code < 0x80) {
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return 1;
    if ((code >= 0x30 && code <= 0x39) || code === 0x26 || code === 0x7c) return 2;
    return 0;
  }
  if (code >= 0xc0 && code <= 0x24f) return code === 0xd7 || code === 0xf7 ? 0 : 1;
  return /\p{L}/u.test(String.fromCharCode(code)) ? 1 : /\p{N}/u.test(String.fromCharCode(code)) ? 2 : 0;
}

/** Word tokens: runs of letters, digits, & and |, joined by single inner hyphens. */
function tokenize(text: string, masked: Array<[number, number]>): Tok[] {
  const tokens: Tok[] = [];
  let mi = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const cls = charClass(text.charCodeAt(i));
    if (cls === 0) {
      i++;
      continue;
    }
    const start = i;
    let hasLetter = false;
    while (i < n) {
      const c = charClass(text.charCodeAt(i));
      if (c === 1) hasLetter = true;
      if (c !== 0) {
        i++;
        continue;
      }
      if (text.charCodeAt(i) === 0x2d && i + 1 < n && charClass(text.charCodeAt(i + 1)) !== 0 && i > start) {
        i++;
        continue;
      }
      break;
    }
    while (mi < masked.length && masked[mi]![1] <= start) mi++;
    const m = masked[mi];
    if (m && start >= m[0] && start < m[1]) continue;
    tokens.push({ start, end: i, text: text.slice(start, i), hasLetter });
  }
  return tokens;
}

/**
 * Repairs OCR damage. Returns the repaired text and what was changed (per distinct word pair,
 * in order of first occurrence). Never throws; text without damage comes back unchanged.
 */
export function repairOcr(text: string): OcrRepairResult {
  if (typeof text !== 'string' || text.length === 0) return { text: typeof text === 'string' ? text : '', repairs: [] };
  callBudget = CALL_BUDGET;
  const masked = maskedRanges(text);
  const tokens = tokenize(text, masked);
  const replacement = new Map<number, string>();
  let firstPass = 0;
  let words = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.hasLetter) words++;
    else continue;
    let fixed = tokenCache.get(tok.text);
    if (fixed === undefined) {
      fixed = repairToken(tok.text);
      if (callBudget > 0) cacheSet(tokenCache, tok.text, fixed);
    }
    if (fixed !== null && fixed !== tok.text) {
      replacement.set(i, fixed);
      firstPass++;
    }
  }
  const damaged = firstPass >= 3 && firstPass >= words * 0.005;
  if (damaged) {
    for (let i = 0; i < tokens.length; i++) {
      if (replacement.has(i)) continue;
      const tok = tokens[i]!;
      let fixed = damagedCache.get(tok.text);
      if (fixed === undefined) {
        fixed = repairDamagedToken(tok.text);
        if (callBudget > 0) cacheSet(damagedCache, tok.text, fixed);
      }
      if (fixed !== null) {
        replacement.set(i, fixed);
        continue;
      }
      if (tok.text === '1' || tok.text === '|') {
        const prev = tokens[i - 1];
        const next = tokens[i + 1];
        if (!next || !/^\p{L}/u.test(next.text)) continue;
        const between = (a: Tok | undefined, b: Tok): string => (a ? text.slice(a.end, b.start) : '');
        const gapBefore = between(prev, tok);
        const gapAfter = text.slice(tok.end, next.start);
        if (!/^\s+$/.test(gapAfter)) continue;
        if (tok.text === '|') {
          // "| strategin delas …": sentence-initial I
          if (!prev || /[.!?:]\s*$/.test(text.slice(0, tok.start).trimEnd().slice(-2)) || /\n/.test(gapBefore)) {
            replacement.set(i, 'I');
          }
          continue;
        }
        if (!prev || !/^\s+$/.test(gapBefore)) continue;
        if (!/^\p{Ll}+$/u.test(prev.text) || COUNTING_NOUNS.has(prev.text)) continue;
        if (/^\d/.test(next.text)) continue;
        replacement.set(i, 'i');
      }
    }
  }
  // "år 2016", not "är 2016": a repaired or damaged "är" right before a year is the noun
  for (const [i, r] of replacement) {
    if (r.toLowerCase() !== 'är') continue;
    const next = tokens[i + 1];
    if (next && /^(?:19|20)\d\d$/.test(next.text) && /^\s+$/.test(text.slice(tokens[i]!.end, next.start))) {
      replacement.set(i, r[0] === 'Ä' ? 'År' : 'år');
    }
  }
  if (replacement.size === 0) return { text, repairs: [] };
  const counts = new Map<string, OcrRepair>();
  let out = '';
  let last = 0;
  for (let i = 0; i < tokens.length; i++) {
    const r = replacement.get(i);
    if (r === undefined) continue;
    const tok = tokens[i]!;
    out += text.slice(last, tok.start) + r;
    last = tok.end;
    const key = `${tok.text}\u0000${r}`;
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { from: tok.text, to: r, count: 1 });
  }
  out += text.slice(last);
  return { text: out, repairs: [...counts.values()] };
}

export const __test = { candidates: (w: string, max = 3) => new Search(swedishWords(), w, max).run(), repairLower, knownState, F_STANDALONE, F_BEGIN, F_MIDDLE, F_END };
