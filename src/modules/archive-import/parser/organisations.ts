/**
 * Names of boards (nämnder, styrelser, fullmäktige, råd) and administrations (förvaltningar,
 * kontor) in Swedish municipal text, normalised to the form a register would use:
 * "Socialnämndens" → "Socialnämnden", "kulturförvaltningen" → "Kulturförvaltningen",
 * "Hägersten-Liljeholmens stadsdelsnämnd" stays as it is.
 */
import { capitalize, fold } from './text-utils.js';

const DISTRICT = String.raw`\p{Lu}[\p{Ll}]+(?:-\p{Lu}[\p{Ll}]+)*s`;

/** District board or administration: "Hägersten-Liljeholmens stadsdelsnämnd(s)". */
const DISTRICT_RE = new RegExp(`(${DISTRICT})\\s+(stadsdelsnämnd|stadsdelsförvaltning)(?:s|en|ens)?\\b`, 'gu');

/**
 * Ends of board and administration names. Found first (cheap), then extended backwards over the
 * letters of the word: "…nämnden", "…styrelsens", "…fullmäktige", "…rådet", "…förvaltningen", "…kontorets".
 */
const BOARD_END = /(nämnd|styrelse|fullmäktige|råd)(en|ens|et|ets|n|ns|s|)(?![\p{L}])/giu;
const ADMIN_END = /(förvaltning|kontor)(en|ens|et|ets|s|)(?![\p{L}])/giu;

function isLetter(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  return ch.toLowerCase() !== ch.toUpperCase();
}

/** Start of the word that ends at `end` (exclusive of `end`), or -1 when a hyphen precedes it. */
function wordStart(text: string, stemStart: number): number {
  let i = stemStart;
  while (i > 0 && isLetter(text[i - 1])) i--;
  if (i > 0 && text[i - 1] === '-') return -1; // "e-förvaltningen" is not an administration
  return i;
}

const GENERIC_BOARDS = new Set(['nämnd', 'nämnden', 'facknämnd', 'stadsdelsnämnd', 'styrelse', 'bolagsstyrelse', 'råd', 'fullmäktige']);
const GENERIC_ADMINS = new Set(['förvaltning', 'stadsdelsförvaltning', 'fackförvaltning', 'kontor']);
/** Words ending in -råd / -nämnd / -kontor that are not bodies. */
const NOT_BODIES = new Set([
  'förråd', 'område', 'råd', 'hushållsråd', 'samråd', 'ombudsråd', 'borgarråd', 'kommunalråd', 'oppositionsråd', 'stadsråd',
  'uppdrag', 'huvudkontor', 'servicekontor', 'kontor', 'bolagsstyrelse', 'ledningsgrupp', 'justitieråd',
]);

export interface OrgMention {
  name: string;
  kind: 'board' | 'administration';
  index: number;
  generic: boolean;
  /** the length of the matched text */
  length: number;
  /** genitive form ("Kommunstyrelsens") */
  genitive: boolean;
}

function normalizeBoard(stem: string): string {
  // "Socialnämnd" → "Socialnämnden"; "Kommunstyrelse" → "Kommunstyrelsen"; "Digitaliseringsråd" → "…rådet"
  const s = capitalize(stem.replace(/\s+/g, ' '));
  if (/fullmäktige$/i.test(s)) return s;
  if (/råd$/i.test(s)) return `${s}et`;
  return `${s}en`.replace(/eeen$/, 'een').replace(/styrelseen$/i, 'styrelsen');
}

function normalizeAdmin(stem: string): string {
  const s = capitalize(stem);
  return /kontor$/i.test(s) ? `${s}et` : `${s}en`;
}

/** All board and administration mentions, in order. */
export function findOrganisations(text: string): OrgMention[] {
  const out: OrgMention[] = [];
  const districtSpans: Array<[number, number]> = [];
  for (const m of text.includes('stadsdels') ? text.matchAll(DISTRICT_RE) : []) {
    const district = m[1]!;
    if (/^(?:Stockholms|Stadens|Stads|Dess|Varje|Respektive|Samtliga|Berörda)$/u.test(district)) continue;
    const kind = m[2]!.toLowerCase() === 'stadsdelsnämnd' ? 'board' : 'administration';
    out.push({ name: `${district} ${m[2]!.toLowerCase()}`, kind, index: m.index, generic: false, length: m[0].length, genitive: /s$/.test(m[0]) && !/nämnds$/.test(m[0]) ? false : /s$/.test(m[0]) });
    districtSpans.push([m.index, m.index + m[0].length]);
  }
  const inDistrict = (i: number): boolean => districtSpans.some(([a, b]) => i >= a && i < b);
  for (const m of text.matchAll(BOARD_END)) {
    let start = wordStart(text, m.index);
    if (start < 0 || inDistrict(start)) continue;
    // "miljö- och hälsoskyddsnämnden"
    const pair = start >= 6 && text.startsWith('- och ', start - 6) ? /(\p{L}+)- och $/u.exec(text.slice(Math.max(0, start - 40), start)) : null;
    if (pair) start -= pair[0].length;
    const stem = text.slice(start, m.index + m[1]!.length);
    const suffix = m[2] ?? '';
    const index = start;
    const lower = stem.toLowerCase().replace(/\s+/g, ' ');
    if (NOT_BODIES.has(lower) || lower.length < 4) continue;
    if (/råd$/.test(lower) && !/(?:digitaliserings|pensionärs|funktionshinder|ungdoms|näringslivs|lednings|stadsdels|integrations)råd$/.test(lower)) continue;
    const generic = GENERIC_BOARDS.has(lower) || /^(?:stadsdels|fack|bolags)?nämnd$/.test(lower);
    const length = m.index + m[0].length - index;
    out.push({ name: normalizeBoard(stem), kind: 'board', index, generic, length, genitive: /s$/.test(suffix) });
  }
  for (const m of text.matchAll(ADMIN_END)) {
    const start = wordStart(text, m.index);
    if (start < 0 || inDistrict(start)) continue;
    const stem = text.slice(start, m.index + m[1]!.length);
    const suffix = m[2] ?? '';
    const index = start;
    const lower = stem.toLowerCase();
    if (NOT_BODIES.has(lower) || lower.length < 6) continue;
    // "förvaltningens" inside compounds like "förvaltningsrätt" are excluded by the word boundary
    const generic = GENERIC_ADMINS.has(lower);
    const length = m.index + m[0].length - index;
    out.push({ name: normalizeAdmin(stem), kind: 'administration', index, generic, length, genitive: /s$/.test(suffix) });
  }
  return out.sort((a, b) => a.index - b.index);
}

const ADMIN_TO_BOARD: Record<string, string> = {
  stadsledningskontoret: 'Kommunstyrelsen',
  miljöförvaltningen: 'Miljö- och hälsoskyddsnämnden',
  trafikkontoret: 'Trafiknämnden',
  exploateringskontoret: 'Exploateringsnämnden',
  stadsbyggnadskontoret: 'Stadsbyggnadsnämnden',
  fastighetskontoret: 'Fastighetsnämnden',
};

/** The board an administration serves: "Kulturförvaltningen" → "Kulturnämnden". */
export function boardForAdministration(admin: string): string | null {
  const district = new RegExp(`^(${DISTRICT})\\s+stadsdelsförvaltning$`, 'u').exec(admin);
  if (district) return `${district[1]} stadsdelsnämnd`;
  const lower = admin.toLowerCase();
  if (ADMIN_TO_BOARD[lower]) return ADMIN_TO_BOARD[lower]!;
  const m = /^(.+?)(förvaltningen|kontoret)$/.exec(admin);
  if (!m || m[1]!.length < 3) return null;
  if (/^(?:stadsdels|fack)$/i.test(m[1]!)) return null;
  return `${m[1]}nämnden`;
}

/** The administration serving a board: "Socialnämnden" → "Socialförvaltningen". */
export function administrationForBoard(board: string): string | null {
  const district = new RegExp(`^(${DISTRICT})\\s+stadsdelsnämnd$`, 'u').exec(board);
  if (district) return `${district[1]} stadsdelsförvaltning`;
  if (/^kommunstyrelsen$/i.test(board)) return 'Stadsledningskontoret';
  const m = /^(.+?)nämnden$/.exec(board);
  return m && m[1]!.length >= 3 ? `${m[1]}förvaltningen` : null;
}

/** Normalises a board name found in free text ("kommunstyrelsen" → "Kommunstyrelsen"). */
export function normalizeBodyName(text: string): string | null {
  const orgs = findOrganisations(text);
  for (let i = 0; i < orgs.length; i++) {
    const o = orgs[i]!;
    if (o.kind !== 'board' || o.generic) continue;
    // "Kommunstyrelsens digitaliseringsråd": the owner in the genitive is not the body meant
    const next = orgs[i + 1];
    if (o.genitive && next && next.kind === 'board' && next.index - (o.index + o.length) <= 2) continue;
    return o.name;
  }
  return null;
}

export function sameOrg(a: string, b: string): boolean {
  return fold(a) === fold(b);
}
