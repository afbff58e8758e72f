/**
 * The page forms ⇄ command inputs. Forms work without JavaScript: repeatable groups are numbered
 * fields (`proposals.0.members` …), lists are textareas with one entry per line, and members are
 * written as in minutes ("Abit Dundar m.fl. (L)"). Pure functions.
 */
import { Invalid, type FieldErrors } from '../../../core/errors.js';
import type { ItemDetail } from '../details.js';
import { inFavourIndex } from '../details.js';
import { attendeeLine, memberLine, parseAttendeeLine, parseMemberLine, parseParties, parseRollCallLine, rollCallLine } from '../notation.js';
import type { AttendeeInput, UpdateItemInput } from '../commands/inputs.js';
import type { AttendeeRow } from '../repository.js';
import type { MinutesMember, RollCallVote } from '../schema.js';

export type FormValues = Record<string, string | string[] | undefined>;

const str = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '');
export const lines = (v: unknown): string[] =>
  str(v)
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
/** Points typed with their numbers ("1. Att …") lose them: the extract numbers points itself. */
export const pointLines = (v: unknown): string[] => lines(v).map((s) => s.replace(/^\d{1,3}[.)]\s+/, '').trim()).filter(Boolean);
const optional = (v: unknown): string | undefined => (str(v).trim() === '' ? undefined : str(v).trim());
const numberOrNull = (v: unknown): number | null => (str(v).trim() === '' ? null : Number(str(v).trim()));

export const GROUPS = ['proposals', 'reservations', 'specialStatements'] as const;
export type Group = (typeof GROUPS)[number];

/** How many groups of a kind the form holds (the highest index present + 1). */
export function groupCount(values: FormValues, group: Group): number {
  let n = 0;
  const re = new RegExp(`^${group}\\.(\\d+)\\.`);
  for (const key of Object.keys(values)) {
    const m = re.exec(key);
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  return n;
}

/** Input index → form index, so error paths point at the fields the user typed in. */
export type GroupMap = Record<Group, number[]>;

// ── item ────────────────────────────────────────────────────────────────────

/** The form's values for an item as stored. */
export function itemFormValues(item: ItemDetail): Record<string, string> {
  const v: Record<string, string> = {
    paragraph: String(item.paragraph),
    title: item.title,
    subtitle: item.subtitle ?? '',
    registryNumber: item.registryNumber ?? '',
    matterText: item.matterText,
    administrationProposal: item.administrationProposal.join('\n'),
    debateClosedText: item.debateClosedText ?? '',
    'procedure.kind': item.procedureKind ?? '',
    'procedure.text': item.procedureText ?? '',
    'procedure.votesYes': item.votesYes === null ? '' : String(item.votesYes),
    'procedure.votesNo': item.votesNo === null ? '' : String(item.votesNo),
    'procedure.votesAbstain': item.votesAbstain === null ? '' : String(item.votesAbstain),
    'procedure.rollCall': item.rollCall.map((r) => rollCallLine(r)).join('\n'),
    decisionPoints: item.decisionPoints.join('\n'),
  };
  const who = (prefix: string, w: { members: MinutesMember[]; parties: string[] }) => {
    v[`${prefix}.members`] = w.members.map(memberLine).join('\n');
    // Only the parties named without a member need typing; the members' parties are added anyway.
    const represented = new Set(w.members.map((m) => m.party));
    v[`${prefix}.parties`] = w.parties.filter((p) => !represented.has(p)).join(', ');
  };
  item.proposals.forEach((p, i) => {
    who(`proposals.${i}`, p);
    v[`proposals.${i}.kind`] = p.kind;
    v[`proposals.${i}.points`] = p.points.join('\n');
    v[`proposals.${i}.text`] = p.text;
  });
  item.reservations.forEach((r, i) => {
    who(`reservations.${i}`, r);
    const favoured = inFavourIndex(r, item.proposals);
    v[`reservations.${i}.inFavourOfProposal`] = favoured === null ? '' : String(favoured + 1);
    v[`reservations.${i}.text`] = r.text;
  });
  item.specialStatements.forEach((s, i) => {
    who(`specialStatements.${i}`, s);
    v[`specialStatements.${i}.text`] = s.text;
  });
  return v;
}

const GROUP_FIELDS: Record<Group, string[]> = {
  proposals: ['members', 'parties', 'points', 'text'],
  reservations: ['members', 'parties', 'text', 'inFavourOfProposal'],
  specialStatements: ['members', 'parties', 'text'],
};

/** A group the user left empty or ticked "remove" is not part of the item. */
const groupInUse = (values: FormValues, group: Group, i: number) =>
  !optional(values[`${group}.${i}.remove`]) && GROUP_FIELDS[group].some((f) => optional(values[`${group}.${i}.${f}`]) !== undefined);

/**
 * Form → the command's input. Member lines that cannot be read are reported on their field; the
 * map turns the command's error paths back into form fields (see `remapInvalid`).
 */
export function itemFormInput(values: FormValues): { input: UpdateItemInput; map: GroupMap } {
  const errors: FieldErrors = {};
  const fail = (field: string, key: string) => (errors[field] ??= []).includes(key) || errors[field]!.push(key);
  const map: GroupMap = { proposals: [], reservations: [], specialStatements: [] };

  const who = (prefix: string) => {
    const members: MinutesMember[] = [];
    for (const line of lines(values[`${prefix}.members`])) {
      const parsed = parseMemberLine(line);
      if (parsed.ok) members.push(parsed.value);
      else fail(`${prefix}.members`, parsed.error);
    }
    const parties = parseParties(str(values[`${prefix}.parties`]));
    if (!parties.ok) fail(`${prefix}.parties`, parties.error);
    return { members, parties: parties.ok ? parties.value : [] };
  };

  for (const group of GROUPS) {
    for (let i = 0; i < groupCount(values, group); i++) if (groupInUse(values, group, i)) map[group].push(i);
  }

  const proposals = map.proposals.map((i) => ({
    ...who(`proposals.${i}`),
    kind: (optional(values[`proposals.${i}.kind`]) ?? 'supportsAdministration') as 'supportsAdministration' | 'own',
    points: pointLines(values[`proposals.${i}.points`]),
    text: str(values[`proposals.${i}.text`]).trim(),
  }));
  const reservations = map.reservations.map((i) => {
    const favoured = optional(values[`reservations.${i}.inFavourOfProposal`]);
    let inFavourOfProposal: number | null = null;
    if (favoured !== undefined) {
      // The form numbers proposals as shown; removed or empty ones drop out of the list.
      const at = map.proposals.indexOf(Number(favoured) - 1);
      if (at < 0) fail(`reservations.${i}.inFavourOfProposal`, 'meetings.reservation.unknownProposal');
      else inFavourOfProposal = at + 1;
    }
    return { ...who(`reservations.${i}`), inFavourOfProposal, text: str(values[`reservations.${i}.text`]).trim() };
  });
  const specialStatements = map.specialStatements.map((i) => ({ ...who(`specialStatements.${i}`), text: str(values[`specialStatements.${i}.text`]).trim() }));

  const rollCall: RollCallVote[] = [];
  for (const line of lines(values['procedure.rollCall'])) {
    const parsed = parseRollCallLine(line);
    if (parsed.ok) rollCall.push(parsed.value);
    else fail('procedure.rollCall', parsed.error);
  }
  const kind = optional(values['procedure.kind']) as 'acclamation' | 'vote' | undefined;
  const paragraph = optional(values.paragraph);
  const input: UpdateItemInput = {
    ...(paragraph !== undefined && { paragraph: Number(paragraph) }),
    title: str(values.title),
    subtitle: optional(values.subtitle) ?? null,
    registryNumber: optional(values.registryNumber) ?? null,
    matterText: str(values.matterText),
    administrationProposal: pointLines(values.administrationProposal),
    proposals,
    debateClosedText: optional(values.debateClosedText) ?? null,
    procedure: kind
      ? {
          kind,
          text: optional(values['procedure.text']) ?? null,
          votesYes: numberOrNull(values['procedure.votesYes']),
          votesNo: numberOrNull(values['procedure.votesNo']),
          votesAbstain: numberOrNull(values['procedure.votesAbstain']),
          rollCall,
        }
      : null,
    decisionPoints: pointLines(values.decisionPoints),
    reservations,
    specialStatements,
  };
  if (Object.keys(errors).length) throw new Invalid(errors);
  return { input, map };
}

/** An error path of the command → the form field it belongs to. */
export function formField(path: string, map: GroupMap): string {
  const parts = path.split('.');
  const group = parts[0] as Group;
  if (GROUPS.includes(group) && parts.length >= 3 && /^\d+$/.test(parts[1]!)) {
    const formIndex = map[group][Number(parts[1])] ?? Number(parts[1]);
    return `${group}.${formIndex}.${parts[2]}`;
  }
  if (parts[0] === 'procedure' && parts.length >= 2) return `procedure.${parts[1]}`;
  if (parts[0] === 'caseId') return 'registryNumber';
  return parts[0] ?? '_';
}

/** The command's Invalid with its paths moved onto the form's fields. */
export function remapInvalid(e: Invalid, toField: (path: string) => string): Invalid {
  const fields: FieldErrors = {};
  for (const [k, msgs] of Object.entries(e.fields)) {
    const f = k === '_' ? '_' : toField(k);
    for (const m of msgs) if (!(fields[f] ??= []).includes(m)) fields[f].push(m);
  }
  const issues = e.issues?.map((i) => {
    const issue = i as { path: PropertyKey[] };
    const path = issue.path.map(String).join('.');
    return { ...issue, path: path ? toField(path).split('.') : [] };
  });
  return new Invalid(fields, e.message, issues);
}

// ── attendance ──────────────────────────────────────────────────────────────

export interface MemberChoice {
  personId: string;
  name: string;
  party: string | null;
  role: 'member' | 'substitute' | 'servingSubstitute' | 'chair';
}

/** The attendance form's values: members ticked from the organisation, the rest as lines. */
export function attendanceFormValues(attendees: AttendeeRow[], choices: MemberChoice[]): Record<string, string> {
  const v: Record<string, string> = {};
  const known = new Set(choices.map((c) => c.personId));
  const others: string[] = [];
  for (const a of attendees) {
    if (a.personId && known.has(a.personId)) {
      v[`present.${a.personId}`] = '1';
      v[`role.${a.personId}`] = a.role;
      v[`replaces.${a.personId}`] = a.replacesName ?? '';
    } else {
      others.push(attendeeLine({ name: a.name, party: a.party, role: a.role, replacesName: a.replacesName }));
    }
  }
  v.others = others.join('\n');
  return v;
}

export function attendanceFormInput(values: FormValues, choices: MemberChoice[]): { attendees: AttendeeInput[] } {
  const attendees: AttendeeInput[] = [];
  for (const c of choices) {
    if (!optional(values[`present.${c.personId}`])) continue;
    const role = (optional(values[`role.${c.personId}`]) ?? (c.role === 'substitute' ? 'substitute' : c.role)) as AttendeeInput['role'];
    attendees.push({ personId: c.personId, name: c.name, party: c.party, role, replacesName: optional(values[`replaces.${c.personId}`]) ?? null });
  }
  const errors: string[] = [];
  for (const line of lines(values.others)) {
    const parsed = parseAttendeeLine(line);
    if (parsed.ok) attendees.push(parsed.value);
    else if (!errors.includes(parsed.error)) errors.push(parsed.error);
  }
  if (errors.length) throw new Invalid({ others: errors });
  // The chair first, then members, serving substitutes and substitutes, as minutes list them.
  const order = { chair: 0, member: 1, servingSubstitute: 2, substitute: 3 } as const;
  attendees.sort((a, b) => order[a.role] - order[b.role]);
  return { attendees };
}
