/**
 * Members and votes written the way minutes write them, for the page forms (one per line) and
 * for printing. Pure functions, no database.
 *
 *   "Abit Dundar m.fl. (L)"                         → { name: 'Abit Dundar', party: 'L', role: null, others: true }
 *   "Ledamoten Frida Johansson Metso (L)"           → role member
 *   "tjänstgörande ersättaren Inga-Lill Persson"    → role servingSubstitute, no party (as in seed 001)
 *   "Ordföranden"                                   → role chair, no name
 */
import type { MembershipRole } from '../organisation/index.js';
import type { MinutesMember, RollCallVote } from './schema.js';

export type MemberRole = NonNullable<MinutesMember['role']>;

/** Party abbreviations as printed after a name: MP, S, V, M, L, C, KD, SD, Fi … */
export const PARTY_PATTERN = /^\p{Lu}[\p{L}]{0,3}$/u;

const ROLE_WORDS: Array<[RegExp, MemberRole]> = [
  [/^ordförande(?:n)?\b\s*/iu, 'chair'],
  [/^tjänstgörande\s+ersättare(?:n)?\b\s*/iu, 'servingSubstitute'],
  [/^ledamot(?:en)?\b\s*/iu, 'member'],
];
const OTHERS = /\s+(?:m\.\s?fl\.?|med flera)$/iu;
const PARTY_SUFFIX = /\s*\(([^()]*)\)$/u;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** One member in minutes notation; the error is an i18n key. */
export function parseMemberLine(line: string): ParseResult<MinutesMember> {
  let rest = line.replace(/\s+/g, ' ').trim();
  if (!rest) return { ok: false, error: 'meetings.member.empty' };
  let role: MemberRole | null = null;
  for (const [re, r] of ROLE_WORDS) {
    const m = re.exec(rest);
    if (m) {
      role = r;
      rest = rest.slice(m[0].length);
      break;
    }
  }
  let party: string | null = null;
  const p = PARTY_SUFFIX.exec(rest);
  if (p) {
    const abbr = p[1]!.trim();
    if (!PARTY_PATTERN.test(abbr)) return { ok: false, error: 'meetings.member.party' };
    party = abbr;
    rest = rest.slice(0, p.index).trim();
  }
  const others = OTHERS.test(rest);
  if (others) rest = rest.replace(OTHERS, '').trim();
  if (/[()]/.test(rest)) return { ok: false, error: 'meetings.member.format' };
  if (!rest && role !== 'chair') return { ok: false, error: 'meetings.member.name' };
  if (rest.length > 200) return { ok: false, error: 'meetings.member.format' };
  const member: MinutesMember = { name: rest, party, role };
  if (others) member.others = true;
  return { ok: true, value: member };
}

export type Lang = 'sv' | 'en';

const ROLE_PREFIX: Record<Lang, Record<MemberRole, string>> = {
  sv: { member: 'ledamoten', servingSubstitute: 'tjänstgörande ersättaren', chair: 'ordföranden' },
  en: { member: 'member', servingSubstitute: 'serving substitute', chair: 'the chair' },
};

/** "Abit Dundar m.fl. (L)", "ledamoten Frida Johansson Metso (L)", "ordföranden". */
export function formatMember(m: MinutesMember, lang: Lang = 'sv'): string {
  const prefix = m.role ? ROLE_PREFIX[lang][m.role] : '';
  const others = m.others ? (lang === 'sv' ? ' m.fl.' : ' et al.') : '';
  const name = m.name.trim();
  const party = m.party ? ` (${m.party})` : '';
  return [prefix, name ? `${name}${others}${party}` : `${others.trim()}${party}`.trim()].filter(Boolean).join(' ');
}

/** The form's line for a member (role words capitalised, so the line reads as written). */
export const memberLine = (m: MinutesMember) => capitalise(formatMember(m, 'sv'));

/** "A", "A och B", "A, B och C". */
export function joinList(items: string[], lang: Lang = 'sv'): string {
  const and = lang === 'sv' ? 'och' : 'and';
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}

export const capitalise = (s: string) => (s ? s[0]!.toLocaleUpperCase('sv') + s.slice(1) : s);

/**
 * Who proposes, reserves or states: the members, then the parties named without a member
 * ("ledamöterna från (V)"). Lower case; the sentence capitalises its first word.
 */
export function formatWho(who: { members: MinutesMember[]; parties: string[] }, lang: Lang = 'sv'): string {
  const names = who.members.map((m) => formatMember(m, lang));
  const represented = new Set(who.members.map((m) => m.party).filter(Boolean));
  const partyOnly = who.parties.filter((p) => !represented.has(p)).map((p) => `(${p})`);
  if (partyOnly.length) {
    const group = lang === 'sv' ? `ledamöterna från ${joinList(partyOnly, lang)}` : `the members of ${joinList(partyOnly, lang)}`;
    names.push(group);
  }
  return joinList(names, lang);
}

/** "L, S" or "L S" → ['L', 'S']; the error is an i18n key. */
export function parseParties(text: string): ParseResult<string[]> {
  const parts = text
    .split(/[\s,;]+/)
    .map((s) => s.replace(/^\(|\)$/g, '').trim())
    .filter(Boolean);
  if (parts.some((p) => !PARTY_PATTERN.test(p))) return { ok: false, error: 'meetings.member.party' };
  return { ok: true, value: [...new Set(parts)] };
}

/** Distinct parties of members, in order of appearance. */
export function partiesOf(members: MinutesMember[]): string[] {
  const out: string[] = [];
  for (const m of members) if (m.party && !out.includes(m.party)) out.push(m.party);
  return out;
}

const VOTE_WORDS: Array<[RegExp, RollCallVote['vote']]> = [
  [/^(?:ja|yes)$/iu, 'yes'],
  [/^(?:nej|no)$/iu, 'no'],
  [/^(?:avstår|avstod|avstar|abstain|abstains|abstained)$/iu, 'abstain'],
];

/** "Anna Ek (S): ja" / "Anna Ek (S) nej" / "Bo Berg avstår". */
export function parseRollCallLine(line: string): ParseResult<RollCallVote> {
  const text = line.replace(/\s+/g, ' ').trim();
  const m = /^(.*?)[\s:,–-]+(\p{L}+)$/u.exec(text);
  const vote = m ? VOTE_WORDS.find(([re]) => re.test(m[2]!))?.[1] : undefined;
  if (!m || !vote) return { ok: false, error: 'meetings.rollCall.format' };
  const who = parseMemberLine(m[1]!);
  if (!who.ok || !who.value.name) return { ok: false, error: 'meetings.rollCall.format' };
  return { ok: true, value: { name: who.value.name, party: who.value.party, vote } };
}

const VOTE_WORD: Record<Lang, Record<RollCallVote['vote'], string>> = {
  sv: { yes: 'ja', no: 'nej', abstain: 'avstår' },
  en: { yes: 'yes', no: 'no', abstain: 'abstains' },
};
export const rollCallLine = (v: RollCallVote, lang: Lang = 'sv') =>
  `${v.name}${v.party ? ` (${v.party})` : ''}: ${VOTE_WORD[lang][v.vote]}`;

/** An attendee typed freely: "[role] Name (P) [ersätter Name]". */
export interface AttendeeLine {
  name: string;
  party: string | null;
  role: MembershipRole;
  replacesName: string | null;
}

const ATTENDEE_ROLES: Array<[RegExp, MembershipRole]> = [
  [/^ordförande(?:n)?\b\s*/iu, 'chair'],
  [/^tjänstgörande\s+ersättare(?:n)?\b\s*/iu, 'servingSubstitute'],
  [/^ersättare(?:n)?\b\s*/iu, 'substitute'],
  [/^ledamot(?:en)?\b\s*/iu, 'member'],
];

export function parseAttendeeLine(line: string): ParseResult<AttendeeLine> {
  let rest = line.replace(/\s+/g, ' ').trim();
  let role: MembershipRole = 'member';
  for (const [re, r] of ATTENDEE_ROLES) {
    const m = re.exec(rest);
    if (m) {
      role = r;
      rest = rest.slice(m[0].length);
      break;
    }
  }
  let replacesName: string | null = null;
  const rep = /\s+(?:ersätter|för|replaces)\s+(.+)$/iu.exec(rest);
  if (rep) {
    replacesName = rep[1]!.trim();
    rest = rest.slice(0, rep.index).trim();
  }
  const who = parseMemberLine(rest);
  if (!who.ok) return { ok: false, error: 'meetings.attendee.format' };
  if (!who.value.name || who.value.others) return { ok: false, error: 'meetings.attendee.format' };
  return { ok: true, value: { name: who.value.name, party: who.value.party, role, replacesName } };
}

const ATTENDEE_PREFIX: Record<MembershipRole, string> = {
  member: '',
  chair: 'Ordföranden ',
  servingSubstitute: 'Tjänstgörande ersättaren ',
  substitute: 'Ersättaren ',
};
export const attendeeLine = (a: AttendeeLine) =>
  `${ATTENDEE_PREFIX[a.role]}${a.name}${a.party ? ` (${a.party})` : ''}${a.replacesName ? ` ersätter ${a.replacesName}` : ''}`;
