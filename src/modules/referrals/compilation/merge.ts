import type {
  CompilationStance,
  CompiledMember,
  DecisionInput,
  MergedText,
  MinutesMemberInput,
  PartyGroup,
  RecipientStatus,
  Stance,
  TextOccurrence,
} from './model.js';
import { comparisonKey, numberedPoints, sameText, splitParagraphs } from './text.js';

/**
 * The recipient's stance from its row: a declined round is `declined` whatever else is stored; a
 * registered stance is shown as it is; answered without a stance is `unspecified`; otherwise the
 * recipient has not answered yet (`noAnswer`).
 */
export function stanceOf(row: { status: RecipientStatus; stance: Stance | null }): CompilationStance {
  if (row.status === 'declined') return 'declined';
  if (row.stance) return row.stance;
  if (row.status === 'answered') return 'unspecified';
  return 'noAnswer';
}

export const member = (m: MinutesMemberInput): CompiledMember => ({ name: m.name, party: m.party, role: m.role, others: m.others ?? false });

/** Parties of a reservation: as listed, else those of its members; '' when none is known. */
export function partiesOf(entry: { parties: readonly string[]; members: readonly MinutesMemberInput[] }): string[] {
  const listed = entry.parties.map((p) => p.trim()).filter(Boolean);
  const fromMembers = entry.members.map((m) => m.party?.trim() ?? '').filter(Boolean);
  const all = [...new Set(listed.length ? listed : fromMembers)];
  return all.length ? all : [''];
}

type Reservation = DecisionInput['reservations'][number];
type Proposal = DecisionInput['proposals'][number];

/**
 * What a reservation says. Minutes often write only "reserved in favour of their own proposal as
 * set out below" (seed 001): then the text is the own proposal of the same party or members —
 * its numbered points followed by its text.
 */
export function reservationText(reservation: Reservation, proposals: readonly Proposal[]): string {
  if (reservation.text.trim()) return reservation.text.trim();
  if (!reservation.inFavourOfOwnProposal) return '';
  const own = proposals.filter((p) => p.kind === 'own');
  const parties = new Set(partiesOf(reservation).filter(Boolean));
  const names = new Set(reservation.members.map((m) => m.name.trim().toLowerCase()));
  const matches = own.filter(
    (p) => partiesOf(p).some((party) => parties.has(party)) || p.members.some((m) => names.has(m.name.trim().toLowerCase())),
  );
  const proposal = matches[0] ?? (own.length === 1 ? own[0] : undefined);
  if (!proposal) return '';
  return [numberedPoints(proposal.points), proposal.text.trim()].filter(Boolean).join('\n\n');
}

export interface PartyEntry {
  parties: readonly string[];
  members: readonly MinutesMemberInput[];
  text: string;
  occurrence: Omit<TextOccurrence, 'parties' | 'members'>;
}

interface Building extends MergedText {
  key: string;
}

/**
 * Reservations (or special statements) grouped by party. A text given by two parties is listed
 * under both. Within a party, identical texts are merged into one with every place it was given.
 * Parties are sorted by abbreviation ('' — no party — last); texts by how often they were given.
 */
export function groupByParty(entries: readonly PartyEntry[], partyNames: ReadonlyMap<string, string> = new Map()): PartyGroup[] {
  const groups = new Map<string, Building[]>();
  for (const entry of entries) {
    const parties = partiesOf(entry);
    const key = comparisonKey(entry.text);
    const occurrence: TextOccurrence = {
      ...entry.occurrence,
      parties: parties.filter(Boolean),
      members: entry.members.map(member),
    };
    for (const party of parties) {
      const texts = groups.get(party) ?? [];
      groups.set(party, texts);
      const same = texts.find((t) => sameText(t.key, key));
      if (same) {
        same.occurrences.push(occurrence);
        // Keep the fuller wording when one copy adds the numbered points, and of equal wordings the
        // one printed in fewer paragraphs (PDF text has a break after every line).
        if (key.length > same.key.length || (key.length === same.key.length && splitParagraphs(entry.text).length < splitParagraphs(same.text).length)) {
          same.key = key;
          same.text = entry.text.trim();
        }
      } else {
        texts.push({ key, text: entry.text.trim(), occurrences: [occurrence] });
      }
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'sv')))
    .map(([party, texts]) => ({
      party,
      partyName: partyNames.get(party) ?? null,
      texts: texts
        .map((t, i) => ({ t, i }))
        .sort((x, y) => y.t.occurrences.length - x.t.occurrences.length || x.i - y.i)
        .map(({ t }) => ({ text: t.text, occurrences: t.occurrences })),
    }));
}
