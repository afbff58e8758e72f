/**
 * Member lists as protocols write them:
 *   "Jessica Jormtun m.fl. (MP), Eva Fagerhem m.fl. (S), Carita Stenbacka Tenezakis (V) och Lars Svärd m.fl. (M)"
 *   "Ledamoten Frida Johansson Metso (L) och tjänstgörande ersättaren Inga-Lill Persson (L)"
 *   "Ordföranden", "Vice ordföranden Anna Ek (S)", "Ledamöterna från (S), (V) och (MP)",
 *   "Moderaterna", "S-ledamöterna", "Ersättaren Per Olsson (C)".
 */
import type { Member, MemberRole } from './schema.js';
import { squash } from './text-utils.js';

/** Party abbreviations: 1–3 letters starting with a capital (MP, S, V, M, L, C, KD, SD, Fi, FP …). */
export const PARTY_ABBR = String.raw`[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,2}`;
const PARTY_RE = new RegExp(`^${PARTY_ABBR}$`);

const PARTY_NAMES: Array<[RegExp, string]> = [
  [/^socialdemokrat(?:erna|isk)/i, 'S'],
  [/^moderat(?:erna|a)/i, 'M'],
  [/^liberal(?:erna)?/i, 'L'],
  [/^folkpartiet/i, 'FP'],
  [/^centerpartiet/i, 'C'],
  [/^kristdemokrat(?:erna)?/i, 'KD'],
  [/^miljöpartiet/i, 'MP'],
  [/^vänsterpartiet/i, 'V'],
  [/^sverigedemokrat(?:erna)?/i, 'SD'],
  [/^feministiskt initiativ/i, 'Fi'],
];

export const PARTY_NAME_SOURCE = String.raw`(?:Socialdemokraterna|Moderaterna|Liberalerna|Folkpartiet|Centerpartiet|Kristdemokraterna|Miljöpartiet|Vänsterpartiet|Sverigedemokraterna|Feministiskt initiativ)`;

const NAME_WORD = String.raw`\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}]+)*`;
/** A person's name: 2–5 capitalised words, particles allowed ("af", "von"). */
export const PERSON_NAME = String.raw`${NAME_WORD}(?:\s+(?:(?:von|af|van|de|der|den|da|di|la|le|du)\s+)?${NAME_WORD}){1,4}`;

const ROLE_RE =
  /^(?:(?:förste|andre|1:e|2:e|tredje)?\s*vice\s+ordförande(?:n)?|ordförande(?:n)?|ledamot(?:en)?|ledamöterna|tjänstgörande\s+ersättare(?:n|na)?|ersättare(?:n|na)?)\b\s*/iu;

function roleOf(word: string): MemberRole | null {
  const w = word.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/vice\s+ordförande/.test(w)) return 'member';
  if (/^ordförande/.test(w)) return 'chair';
  if (/^tjänstgörande/.test(w)) return 'servingSubstitute';
  if (/^ersättare/.test(w)) return 'substitute';
  if (/^ledam/.test(w)) return 'member';
  return null;
}

const NOT_NAMES = /^(?:Nämnden|Förvaltningen|Styrelsen|Kommunstyrelsen|Ordföranden|Stadsdelsnämnden|Socialnämnden|Beslut|Ärendet)$/;

/** Splits at top-level ", " / " och " / " samt " (not inside parentheses). */
function splitItems(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0) {
      if (ch === ',') {
        items.push(cur);
        cur = '';
        continue;
      }
      const rest = text.slice(i);
      const conj = /^\s+(?:och|samt)\s+/.exec(rest);
      if (conj && /\S$/.test(cur)) {
        items.push(cur);
        cur = '';
        i += conj[0].length - 1;
        continue;
      }
    }
    cur += ch;
  }
  items.push(cur);
  return items.map((s) => squash(s)).filter((s) => s.length > 0);
}

function partiesIn(paren: string): string[] {
  return paren
    .split(/\s*(?:,|\/|\boch\b|&)\s*/)
    .map((p) => p.trim())
    .filter((p) => PARTY_RE.test(p));
}

/**
 * Parses a member list (the subject of "föreslår", "reserverade sig" …). Returns [] when the
 * text holds no member.
 */
export function parseMembers(subject: string): Member[] {
  const members: Member[] = [];
  const text = squash(subject.replace(/^(?:och|samt)\s+/i, ''));
  let pendingRole: MemberRole | null = null;
  for (const rawItem of splitItems(text)) {
    let item = rawItem;
    let role: MemberRole | null = pendingRole;
    const roleMatch = ROLE_RE.exec(item);
    if (roleMatch) {
      role = roleOf(roleMatch[0]);
      item = item.slice(roleMatch[0].length);
      // "ledamöterna Anna Ek (S) och Bo Ek (S)": a plural role applies to the following names
      pendingRole = /ledamöterna|ersättarna/i.test(roleMatch[0]) ? role : null;
    }
    item = item.replace(/^från\s+/i, '');
    const others = /\bm\.\s?fl\.?|\bmed flera\b/i.test(item);
    item = item.replace(/\s*(?:m\.\s?fl\.?|med flera)\s*/gi, ' ').trim();
    const parenParties = [...item.matchAll(/\(([^)]*)\)/g)].flatMap((m) => partiesIn(m[1]!));
    // "S-ledamöterna", "(MP)-ledamoten"
    const prefixed = new RegExp(`^\\(?(${PARTY_ABBR})\\)?-(?:ledamöterna|ledamoten|ledamot|gruppen|ersättaren|ersättarna)`, 'u').exec(item);
    if (prefixed) {
      members.push(member(null, prefixed[1]!, /ersättar/i.test(item) ? 'substitute' : 'member', false));
      continue;
    }
    const partyName = PARTY_NAMES.find(([re]) => re.test(item));
    const nameMatch = new RegExp(`^(${PERSON_NAME})`, 'u').exec(item);
    const name = nameMatch && !NOT_NAMES.test(nameMatch[1]!) ? nameMatch[1]! : null;
    if (name) {
      members.push(member(name, parenParties[0] ?? null, role, others));
      continue;
    }
    if (partyName && !name) {
      members.push(member(null, partyName[1], role, others));
      continue;
    }
    if (parenParties.length > 0) {
      for (const p of parenParties) members.push(member(null, p, role, others));
      continue;
    }
    if (roleMatch && role) {
      // "Ordföranden" alone
      members.push(member(null, null, role, others));
    }
  }
  return members;
}

function member(name: string | null, party: string | null, role: MemberRole | null, others: boolean): Member {
  const m: Member = { name, party, role };
  if (others) m.others = true;
  return m;
}

/** Whether a text looks like a member list (and nothing else). */
export function looksLikeMembers(subject: string): boolean {
  const s = squash(subject);
  if (s.length === 0 || s.length > 400) return false;
  if (ROLE_RE.test(s)) return true;
  if (new RegExp(`^${PERSON_NAME}(?:\\s+m\\.\\s?fl\\.?)?\\s*\\(${PARTY_ABBR}`, 'u').test(s)) return true;
  if (new RegExp(`^\\(?${PARTY_ABBR}\\)?-ledam`, 'u').test(s)) return true;
  if (new RegExp(`^${PARTY_NAME_SOURCE}`, 'u').test(s)) return true;
  return false;
}

/** Every "Name (P)" / "Name m.fl. (P)" in a text: name → party, for filling gaps. */
const PARTY_PAREN = new RegExp(`\\((${PARTY_ABBR})\\)`, 'g');
const NAME_BEFORE = new RegExp(`(${PERSON_NAME})(?:\\s+m\\.\\s?fl\\.?)?\\s*$`, 'u');

export function partiesByName(text: string): Map<string, string> {
  const map = new Map<string, string>();
  // find "(P)" first (cheap), then read the name right before it
  for (const p of text.matchAll(PARTY_PAREN)) {
    const m = NAME_BEFORE.exec(text.slice(Math.max(0, p.index - 90), p.index));
    if (!m) continue;
    let name = m[1]!;
    // drop a leading role word captured as a name part ("Ledamoten Frida …" is filtered by the
    // capital-letter rule only when the role is lower case)
    name = name.replace(/^(?:Ledamoten|Ledamöterna|Ordföranden|Ersättaren|Tjänstgörande|Vice)\s+/u, '');
    if (!map.has(name)) map.set(name, p[1]!);
  }
  return map;
}

/** Distinct parties of members, in order. */
export function partiesOf(members: Member[]): string[] {
  const out: string[] = [];
  for (const m of members) if (m.party && !out.includes(m.party)) out.push(m.party);
  return out;
}
