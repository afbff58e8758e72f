/** Small text helpers shared by the parser. */

/** Lower case without diacritics: "Förslag till BESLUT" → "forslag till beslut". */
const FOLD_MAP: Record<string, string> = {
  å: 'a', ä: 'a', á: 'a', à: 'a', â: 'a', ã: 'a', ö: 'o', ó: 'o', ò: 'o', ô: 'o', õ: 'o', ø: 'o', é: 'e', è: 'e', ê: 'e',
  ë: 'e', ü: 'u', ú: 'u', ù: 'u', û: 'u', í: 'i', ì: 'i', î: 'i', ï: 'i', ç: 'c', ñ: 'n', ý: 'y',
};
const FOLD_RE = /[åäáàâãöóòôõøéèêëüúùûíìîïçñý]/g;

export function fold(text: string): string {
  const lower = text.toLowerCase();
  // fast path for Latin text; other scripts go through Unicode decomposition
  for (let i = 0; i < lower.length; i++) {
    if (lower.charCodeAt(i) > 0xff) return lower.normalize('NFD').replace(/\p{M}+/gu, '');
  }
  return lower.replace(FOLD_RE, (ch) => FOLD_MAP[ch] ?? ch);
}

/**
 * Normalises raw input: strips BOM and zero-width characters, CRLF/CR → LF, NBSP and tabs →
 * space, drops other control characters.
 */
export function normalizeInput(text: string): string {
  return (
    text
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .replace(/[\u00A0\u2007\u202F\t\f\v]/g, ' ')
      .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000E-\u001F\u007F]/g, '')
  );
}

/** Collapses whitespace runs to single spaces and trims. */
export function squash(text: string): string {
  if (!needsSquash(text)) return text;
  return text.replace(/\s+/g, ' ').trim();
}

function needsSquash(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  let prevSpace = true; // a leading space needs trimming
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return true;
      prevSpace = true;
    } else if (c < 32 || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) {
      return true;
    } else prevSpace = false;
  }
  return prevSpace; // trailing space
}

export const QUOTE_CHARS = '"”“„’‘\'«»';

/** Strips surrounding quote characters (also the OCR debris "”’"). */
export function stripQuotes(text: string): string {
  return text.replace(/^[\s"”“„’‘'«»]+/, '').replace(/[\s"”“„’‘'«»]+$/, '');
}

/** Ends a sentence: ., !, ?, : (optionally followed by a closing quote or bracket). */
export function endsSentence(text: string): boolean {
  return /[.!?:;][”"’»)\]]*\s*$/.test(text);
}

export function startsLower(text: string): boolean {
  return /^[”"“’(]*\p{Ll}/u.test(text);
}

export function startsUpper(text: string): boolean {
  return /^[”"“’(]*[\p{Lu}\d]/u.test(text);
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const ABBREVIATIONS = [
  'm.fl.', 'm. fl.', 't.ex.', 'bl.a.', 'd.v.s.', 'dvs.', 'o.s.v.', 'osv.', 's.k.', 'm.m.', 'resp.', 'ca.', 'nr.',
  'kl.', 'jfr.', 'f.d.', 'p.g.a.', 'pga.', 'fr.o.m.', 't.o.m.', 'bl. a.', 't. ex.', 'ang.', 'enl.', 'tel.', 'st.',
  'kap.', 'prop.', 'SFS.', 'tf.', 't.f.', 'bitr.',
];
const ABBR_RE = new RegExp(
  `(?<![\\p{L}])(?:${ABBREVIATIONS.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s?')).join('|')})`,
  'giu',
);
const PLACEHOLDER = '\u0001';

/**
 * Splits a paragraph into sentences at ., !, ? or : followed by space and a capital letter,
 * digit or quote — not after abbreviations like "m.fl." or "t.ex.", nor inside numbers.
 */
export function splitSentences(text: string): string[] {
  const protectedText = text.replace(ABBR_RE, (m) => m.replace(/\./g, PLACEHOLDER));
  const parts = protectedText.split(/(?<=[.!?:][”"’)]?)\s+(?=[”"“]?[\p{Lu}\d])/u);
  return parts.map((p) => p.replace(new RegExp(PLACEHOLDER, 'g'), '.').trim()).filter((p) => p.length > 0);
}
