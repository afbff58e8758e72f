/**
 * Swedish word list for OCR repair, built from the hunspell dictionary in the npm package
 * `dictionary-sv` (LGPL-3.0, the LibreOffice/Göran Andersson Swedish dictionary).
 *
 * Why our own expander instead of `nspell`: the Swedish hunspell data builds compounds with
 * COMPOUNDBEGIN / COMPOUNDMIDDLE / COMPOUNDEND flags (X / U / Y) and linking-`s` suffixes that
 * carry those flags as continuation classes. nspell only implements COMPOUNDRULE, so it accepts
 * nonsense (every string of one-letter entries) and rejects real compounds. This file expands the
 * suffix rules itself (the Swedish file has no prefixes and no twofold suffixes beyond the compound
 * flags), records per form whether it may stand alone, begin, sit in the middle of, or end a
 * compound, and stores the forms in a compact first-child/next-sibling trie (typed arrays, about
 * 35 MB for ~880 000 forms), so OCR candidates can be searched with prefix pruning.
 *
 * Loaded once, lazily, synchronously (the parser API is synchronous), from the package's own files:
 * nothing depends on a system word list.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const F_STANDALONE = 1;
export const F_BEGIN = 2;
export const F_MIDDLE = 4;
export const F_END = 8;

export interface WordTrie {
  /** first child of a node, -1 if none */
  firstChild: Int32Array;
  /** next sibling of a node, -1 if none */
  nextSibling: Int32Array;
  /** UTF-16 code unit on the edge into a node */
  char: Uint16Array;
  /** F_* flags of the form ending at the node (0: not a form) */
  flags: Uint8Array;
  /** number of nodes */
  size: number;
  /** number of forms */
  forms: number;
}

interface SuffixRule {
  strip: string;
  add: string;
  cont: string;
  cond: RegExp | null;
}

const FLAG_BEGIN = 'X';
const FLAG_MIDDLE = 'U';
const FLAG_END = 'Y';
const FLAG_ONLY_IN_COMPOUND = 'Z';
const FLAG_FORBIDDEN = '%';
const FLAG_NEEDAFFIX = '¤';

function parseAff(aff: string): Map<string, SuffixRule[]> {
  const rules = new Map<string, SuffixRule[]>();
  const headerSeen = new Set<string>();
  for (const raw of aff.split('\n')) {
    const line = raw.trim();
    if (!line.startsWith('SFX')) continue;
    const parts = line.split(/\s+/);
    if (parts.length < 4) continue;
    const flag = parts[1]!;
    if (!headerSeen.has(flag)) {
      // header: SFX flag cross count
      headerSeen.add(flag);
      rules.set(flag, []);
      continue;
    }
    const strip = parts[2] === '0' ? '' : (parts[2] ?? '');
    const addField = parts[3] ?? '';
    const slash = addField.indexOf('/');
    const addRaw = slash >= 0 ? addField.slice(0, slash) : addField;
    const cont = slash >= 0 ? addField.slice(slash + 1) : '';
    const add = addRaw === '0' ? '' : addRaw;
    const condRaw = parts[4] ?? '.';
    let cond: RegExp | null = null;
    if (condRaw !== '.') {
      try {
        cond = new RegExp(`${condRaw}$`, 'u');
      } catch {
        continue;
      }
    }
    rules.get(flag)?.push({ strip, add, cont, cond });
  }
  return rules;
}

/** Expands the hunspell files into lower-cased forms with F_* flags. */
export function expandHunspell(aff: string, dic: string): Map<string, number> {
  const rules = parseAff(aff);
  const forms = new Map<string, number>();
  const put = (form: string, flags: number): void => {
    if (form.length === 0 || flags === 0) return;
    const key = form.toLowerCase();
    forms.set(key, (forms.get(key) ?? 0) | flags);
  };
  const lines = dic.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line.length === 0 || line.includes(' ')) continue; // multi-word entries are not single tokens
    const slash = line.indexOf('/');
    const word = slash >= 0 ? line.slice(0, slash) : line;
    const flags = slash >= 0 ? line.slice(slash + 1) : '';
    if (word.length === 0 || flags.includes(FLAG_FORBIDDEN)) continue;
    const onlyInCompound = flags.includes(FLAG_ONLY_IN_COMPOUND);
    const isEnd = flags.includes(FLAG_END);
    let baseFlags = 0;
    if (!onlyInCompound && !flags.includes(FLAG_NEEDAFFIX)) baseFlags |= F_STANDALONE;
    if (flags.includes(FLAG_BEGIN)) baseFlags |= F_BEGIN;
    if (flags.includes(FLAG_MIDDLE)) baseFlags |= F_MIDDLE;
    if (isEnd) baseFlags |= F_END;
    put(word, baseFlags);
    for (const flag of flags) {
      const classRules = rules.get(flag);
      if (!classRules) continue;
      for (const rule of classRules) {
        if (rule.strip && !word.endsWith(rule.strip)) continue;
        if (rule.cond && !rule.cond.test(word)) continue;
        const form = word.slice(0, word.length - rule.strip.length) + rule.add;
        let formFlags = 0;
        if (rule.cont.length === 0) {
          if (!onlyInCompound) formFlags |= F_STANDALONE;
          if (isEnd) formFlags |= F_END;
        } else {
          if (!rule.cont.includes(FLAG_ONLY_IN_COMPOUND) && !onlyInCompound) formFlags |= F_STANDALONE;
          if (rule.cont.includes(FLAG_BEGIN)) formFlags |= F_BEGIN;
          if (rule.cont.includes(FLAG_MIDDLE)) formFlags |= F_MIDDLE;
          if (rule.cont.includes(FLAG_END)) formFlags |= F_END;
        }
        put(form, formFlags);
      }
    }
  }
  return forms;
}

/** Builds a first-child/next-sibling trie from forms; sorted insertion keeps it compact. */
export function buildTrie(forms: Map<string, number>): WordTrie {
  const words = [...forms.keys()].sort();
  let count = 1;
  let prev = '';
  for (const w of words) {
    let l = 0;
    const max = Math.min(prev.length, w.length);
    while (l < max && prev.charCodeAt(l) === w.charCodeAt(l)) l++;
    count += w.length - l;
    prev = w;
  }
  const firstChild = new Int32Array(count).fill(-1);
  const nextSibling = new Int32Array(count).fill(-1);
  const char = new Uint16Array(count);
  const flags = new Uint8Array(count);
  let size = 1;
  const path: number[] = [0];
  prev = '';
  for (const w of words) {
    let l = 0;
    const max = Math.min(prev.length, w.length);
    while (l < max && prev.charCodeAt(l) === w.charCodeAt(l)) l++;
    for (let d = l; d < w.length; d++) {
      const parent = path[d]!;
      const node = size++;
      char[node] = w.charCodeAt(d);
      // sorted input: the new node is always the parent's last child, and the previous word's
      // node at this depth (if it shares the parent) is the current last child.
      const lastChild = d === l && prev.length > d ? path[d + 1] : undefined;
      if (lastChild !== undefined && lastChild >= 0) nextSibling[lastChild] = node;
      else firstChild[parent] = node;
      path[d + 1] = node;
    }
    path.length = w.length + 1;
    flags[path[w.length]!] = forms.get(w) ?? 0;
    prev = w;
  }
  return { firstChild, nextSibling, char, flags, size, forms: words.length };
}

/** Child of `node` reached by code unit `c`, or -1. */
export function trieChild(trie: WordTrie, node: number, c: number): number {
  let n = trie.firstChild[node]!;
  while (n >= 0) {
    const nc = trie.char[n]!;
    if (nc === c) return n;
    if (nc > c) return -1;
    n = trie.nextSibling[n]!;
  }
  return -1;
}

/** Flags of an exact (lower-case) form, 0 if unknown. */
export function formFlags(trie: WordTrie, word: string): number {
  let node = 0;
  for (let i = 0; i < word.length; i++) {
    node = trieChild(trie, node, word.charCodeAt(i));
    if (node < 0) return 0;
  }
  return trie.flags[node]!;
}

const MIN_PART = 2;
const MAX_PARTS = 4;

/**
 * Whether a lower-case word without hyphens is a listed form (`'listed'`), a compound of listed
 * parts (`'compound'`) or unknown (`null`).
 */
export function lookupWord(trie: WordTrie, word: string): 'listed' | 'compound' | null {
  const f = formFlags(trie, word);
  if (f & F_STANDALONE) return 'listed';
  return compoundFrom(trie, word, 0, 0) ? 'compound' : null;
}

function compoundFrom(trie: WordTrie, word: string, start: number, partIndex: number): boolean {
  if (partIndex >= MAX_PARTS) return false;
  let node = 0;
  for (let i = start; i < word.length; i++) {
    node = trieChild(trie, node, word.charCodeAt(i));
    if (node < 0) return false;
    const len = i + 1 - start;
    const f = trie.flags[node]!;
    if (len < MIN_PART || f === 0) continue;
    if (i + 1 === word.length) {
      if (partIndex > 0 && f & F_END) return true;
    } else if (word.length - (i + 1) >= MIN_PART && f & (partIndex === 0 ? F_BEGIN : F_MIDDLE | F_BEGIN)) {
      // hunspell allows a COMPOUNDBEGIN part only first; the Swedish data marks few middles, so a
      // begin-capable form (linking -s) is also accepted in the middle ("kostnads|fördelnings|principer").
      if (compoundFrom(trie, word, i + 1, partIndex + 1)) return true;
    }
  }
  return false;
}

let cached: WordTrie | null = null;

function resolveDictionaryDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('dictionary-sv'));
}

/** The Swedish word trie, built on first use (≈1–2 s) and kept for the life of the process. */
export function swedishWords(): WordTrie {
  if (cached) return cached;
  const dir = resolveDictionaryDir();
  const aff = readFileSync(join(dir, 'index.aff'), 'utf8');
  const dic = readFileSync(join(dir, 'index.dic'), 'utf8');
  const forms = expandHunspell(aff, dic);
  cached = buildTrie(forms);
  return cached;
}
