/**
 * The minutes as text: the sentences of a protocol extract (protokollsutdrag) and the extract
 * itself as blocks, plain text and PDF blocks. Pure functions, no database, unit-tested.
 *
 * The extract is the Swedish legal text and is always Swedish; the sentence functions also speak
 * English for the pages' summaries. Two wordings exist (see `MinutesTense`): the past tense of
 * seed 000 ("föreslog att nämnden skulle besluta …", "Beslutsgång") and the present tense of seed
 * 001 ("föreslår att nämnden beslutar …", "Socialnämndens beslut", "Beslutsordning").
 */
import { formatDate } from '../../core/i18n.js';
import type { PdfBlock } from '../../views/pdf.js';
import type { BodyKind } from '../organisation/index.js';
import { capitalise, formatWho, joinList, rollCallLine, type Lang } from './notation.js';
import type { MinutesMember, MinutesTense, ProcedureKind, ProposalKind, RollCallVote } from './schema.js';

export interface Who {
  members: MinutesMember[];
  parties: string[];
}
export interface ProposalText extends Who {
  kind: ProposalKind;
  points: string[];
  text: string;
}
export interface ReservationText extends Who {
  /** Index into the item's proposals of the own proposal reserved in favour of, or null. */
  inFavourOf: number | null;
  text: string;
}
export interface StatementText extends Who {
  text: string;
}
export interface VoteCounts {
  yes: number;
  no: number;
  abstain: number;
}

/** How the minutes name the body in a sentence: "nämnden", "styrelsen" … */
export interface Organ {
  definite: string;
  genitive: string;
}

const ORGANS: Record<BodyKind, Organ> = {
  cityCouncil: { definite: 'kommunfullmäktige', genitive: 'kommunfullmäktiges' },
  executiveBoard: { definite: 'kommunstyrelsen', genitive: 'kommunstyrelsens' },
  specialistBoard: { definite: 'nämnden', genitive: 'nämndens' },
  districtBoard: { definite: 'nämnden', genitive: 'nämndens' },
  companyBoard: { definite: 'styrelsen', genitive: 'styrelsens' },
  digitalisationCouncil: { definite: 'rådet', genitive: 'rådets' },
};
export const organOf = (kind: BodyKind): Organ => ORGANS[kind];

/** "Socialnämnden" → "Socialnämndens"; names ending in s, x or z take no extra s. */
export const genitive = (name: string) => (/[sxz]$/i.test(name) ? name : `${name}s`);

export interface Wording {
  tense: MinutesTense;
  organ: Organ;
}

// ── sentences ───────────────────────────────────────────────────────────────

/** "Jessica Jormtun m.fl. (MP) … föreslog att nämnden skulle besluta enligt förvaltningens förslag." */
export function proposalSentence(p: Who & { kind: ProposalKind }, w: Wording, lang: Lang = 'sv'): string {
  const who = capitalise(formatWho(p, lang));
  if (lang === 'en') {
    return p.kind === 'supportsAdministration'
      ? `${who} proposed that the board decide according to the administration's proposal.`
      : `${who} put forward a proposal of their own and proposed that the board adopt it.`;
  }
  const o = w.organ.definite;
  if (w.tense === 'past') {
    return p.kind === 'supportsAdministration'
      ? `${who} föreslog att ${o} skulle besluta enligt förvaltningens förslag.`
      : `${who} lade fram ett förslag och föreslog att ${o} skulle ställa sig bakom det.`;
  }
  return p.kind === 'supportsAdministration'
    ? `${who} föreslår att ${o} beslutar enligt förvaltningens förslag.`
    : `${who} föreslår att ${o} beslutar följande:`;
}

/** "Abit Dundar m.fl. (L) reserverade sig till förmån för eget förslag." */
export function reservationSentence(r: Who & { inFavourOwnProposal: boolean }, w: Wording, lang: Lang = 'sv'): string {
  const who = capitalise(formatWho(r, lang));
  if (lang === 'en') {
    return r.inFavourOwnProposal ? `${who} reserved against the decision in favour of their own proposal.` : `${who} reserved against the decision.`;
  }
  if (w.tense === 'past') {
    return r.inFavourOwnProposal ? `${who} reserverade sig till förmån för eget förslag.` : `${who} reserverade sig mot beslutet.`;
  }
  return r.inFavourOwnProposal
    ? `${who} reserverar sig mot ${w.organ.genitive} beslut till förmån för sitt eget förslag som redovisas nedan.`
    : `${who} reserverar sig mot ${w.organ.genitive} beslut.`;
}

export function specialStatementSentence(s: Who, w: Wording, lang: Lang = 'sv'): string {
  const who = capitalise(formatWho(s, lang));
  if (lang === 'en') return `${who} made a special statement.`;
  return w.tense === 'past' ? `${who} lämnade ett särskilt uttalande.` : `${who} lämnar ett särskilt uttalande.`;
}

export function voteSentence(v: VoteCounts, w: Wording, lang: Lang = 'sv'): string {
  if (lang === 'en') return `A vote was taken: ${v.yes} yes, ${v.no} no, ${v.abstain} abstained.`;
  return w.tense === 'past'
    ? `Votering genomfördes. ${v.yes} röstade ja, ${v.no} röstade nej och ${v.abstain} avstod från att rösta.`
    : `Votering genomförs. ${v.yes} röstar ja, ${v.no} röstar nej och ${v.abstain} avstår från att rösta.`;
}

/** The roll call as three lines: "Ja: Anna Ek (S), Bo Berg (M)". */
export function rollCallLines(rollCall: RollCallVote[], lang: Lang = 'sv'): string[] {
  const labels = lang === 'sv' ? { yes: 'Ja', no: 'Nej', abstain: 'Avstår' } : { yes: 'Yes', no: 'No', abstain: 'Abstain' };
  const lines: string[] = [];
  for (const vote of ['yes', 'no', 'abstain'] as const) {
    const names = rollCall.filter((r) => r.vote === vote).map((r) => rollCallLine(r, lang).replace(/: \S+$/, ''));
    if (names.length) lines.push(`${labels[vote]}: ${joinList(names, lang)}.`);
  }
  return lines;
}

export function immediateApprovalSentence(w: Wording, lang: Lang = 'sv'): string {
  if (lang === 'en') return 'The paragraph was approved immediately.';
  return w.tense === 'past' ? 'Paragrafen förklarades omedelbart justerad.' : 'Paragrafen förklaras omedelbart justerad.';
}

export interface ProcedureText {
  kind: ProcedureKind | null;
  text: string | null;
  votes: VoteCounts | null;
  rollCall: RollCallVote[];
}

/** Beslutsgång as sentences: the written text, then the vote and the roll call. */
export function procedureParagraphs(p: ProcedureText, w: Wording, lang: Lang = 'sv'): string[] {
  if (!p.kind) return [];
  const out: string[] = [];
  if (p.text?.trim()) out.push(...paragraphsOf(p.text));
  if (p.kind === 'vote' && p.votes) {
    out.push(voteSentence(p.votes, w, lang));
    out.push(...rollCallLines(p.rollCall, lang));
  }
  return out;
}

// ── text helpers ────────────────────────────────────────────────────────────

/** Each non-empty line is a paragraph (forms put one paragraph per line or blank-line separated). */
export const paragraphsOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

/** Points as printed: one point without a number, several numbered "1. …". */
export const numberedPoints = (points: string[]): string[] => (points.length > 1 ? points.map((p, i) => `${i + 1}. ${p}`) : [...points]);

/** An own proposal's content: the numbered points, then the text's paragraphs. */
export const proposalContent = (p: { points: string[]; text: string }): string[] => [...numberedPoints(p.points), ...paragraphsOf(p.text)];

/** Content as one string with its paragraphs separated by blank lines (the API's `text`). */
export const contentText = (paragraphs: string[]) => paragraphs.join('\n\n');

/** ”first … last” */
export function quoted(paragraphs: string[]): string[] {
  if (paragraphs.length === 0) return [];
  const out = [...paragraphs];
  out[0] = `”${out[0]}`;
  out[out.length - 1] = `${out[out.length - 1]}”`;
  return out;
}

/**
 * The text of a reservation as the compilation reads it: its own text, or – when it has none and
 * is in favour of an own proposal – that proposal's points and text (seed 001 prints the text
 * with the proposal; seed 000 with the reservation: both read the same).
 */
export function reservationContent(r: ReservationText, proposals: ProposalText[]): string[] {
  if (r.text.trim()) return paragraphsOf(r.text);
  const p = r.inFavourOf === null ? undefined : proposals[r.inFavourOf];
  return p && p.kind === 'own' ? proposalContent(p) : [];
}

// ── the extract ─────────────────────────────────────────────────────────────

export type ExtractBlock =
  | { kind: 'lead'; text: string }
  | { kind: 'title'; paragraph: string; title: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** Numbered when there is more than one. */
  | { kind: 'points'; items: string[] }
  /** Paragraphs in quotation marks (a reservation's or proposal's text). */
  | { kind: 'quote'; paragraphs: string[] }
  | { kind: 'note'; text: string };

export interface ExtractSource {
  bodyName: string;
  bodyKind: BodyKind;
  meetingDate: string;
  tense: MinutesTense;
  paragraph: number;
  title: string;
  subtitle: string | null;
  registryNumber: string | null;
  matterText: string;
  proposals: ProposalText[];
  debateClosedText: string | null;
  procedure: ProcedureText;
  decisionPoints: string[];
  reservations: ReservationText[];
  specialStatements: StatementText[];
  immediateApproval: boolean;
  /** The day the item became final; null for a draft. */
  finalOn: string | null;
  /** Justerare of the minutes (not for immediate approval). */
  approvers: string[];
}

export interface Extract {
  /** "Protokollsutdrag § 13: Strategi för …" */
  title: string;
  /** "Hägersten-Liljeholmens stadsdelsnämnd – protokollsutdrag 22 september 2016" */
  footer: string;
  final: boolean;
  blocks: ExtractBlock[];
}

const svDate = (d: string) => formatDate('sv', d);

/** The protocol extract of one item, laid out like the seeds (000: past tense, 001: present tense). */
export function buildExtract(s: ExtractSource): Extract {
  const w: Wording = { tense: s.tense, organ: organOf(s.bodyKind) };
  const present = s.tense === 'present';
  const final = s.finalOn !== null;
  const dnr = s.registryNumber ? `Dnr ${s.registryNumber}` : null;
  const sections: Record<'decision' | 'reservations' | 'matter' | 'proposals' | 'procedure' | 'statements', ExtractBlock[]> = {
    decision: [],
    reservations: [],
    matter: [],
    proposals: [],
    procedure: [],
    statements: [],
  };

  if (s.decisionPoints.length) {
    sections.decision.push({ kind: 'heading', text: present ? `${genitive(s.bodyName)} beslut` : 'Beslut' }, { kind: 'points', items: s.decisionPoints });
  }

  // Own proposals whose content is printed with a reservation (past tense, seed 000) are not repeated.
  const contentWithReservation = new Set<number>();
  if (!present) {
    for (const r of s.reservations) if (r.inFavourOf !== null && !r.text.trim()) contentWithReservation.add(r.inFavourOf);
  }

  if (s.reservations.length) {
    sections.reservations.push({ kind: 'heading', text: s.reservations.length > 1 ? 'Reservationer' : 'Reservation' });
    for (const r of s.reservations) {
      const inFavour = r.inFavourOf !== null && s.proposals[r.inFavourOf]?.kind === 'own';
      sections.reservations.push({ kind: 'paragraph', text: reservationSentence({ ...r, inFavourOwnProposal: inFavour }, w) });
      // Present tense: the proposal's content is printed with the proposal ("som redovisas nedan").
      const content = r.text.trim() ? paragraphsOf(r.text) : present ? [] : reservationContent(r, s.proposals);
      if (content.length) sections.reservations.push({ kind: 'quote', paragraphs: content });
    }
  }

  const matter = paragraphsOf(s.matterText);
  if (matter.length) sections.matter.push({ kind: 'heading', text: 'Ärendet' }, ...matter.map((text): ExtractBlock => ({ kind: 'paragraph', text })));
  if (dnr && !present) sections.matter.push({ kind: 'paragraph', text: dnr });

  if (s.proposals.length || s.debateClosedText?.trim()) {
    sections.proposals.push({ kind: 'heading', text: 'Förslag till beslut' });
    s.proposals.forEach((p, i) => {
      sections.proposals.push({ kind: 'paragraph', text: proposalSentence(p, w) });
      if (p.kind !== 'own') return;
      if (present) {
        if (p.points.length) sections.proposals.push({ kind: 'points', items: p.points });
        for (const text of paragraphsOf(p.text)) sections.proposals.push({ kind: 'paragraph', text });
      } else if (!contentWithReservation.has(i)) {
        const content = proposalContent(p);
        if (content.length) sections.proposals.push({ kind: 'quote', paragraphs: content });
      }
    });
    if (s.debateClosedText?.trim()) sections.proposals.push({ kind: 'paragraph', text: s.debateClosedText.trim() });
  }

  const procedure = procedureParagraphs(s.procedure, w);
  if (procedure.length) {
    sections.procedure.push({ kind: 'heading', text: present ? 'Beslutsordning' : 'Beslutsgång' }, ...procedure.map((text): ExtractBlock => ({ kind: 'paragraph', text })));
  }

  if (s.specialStatements.length) {
    sections.statements.push({ kind: 'heading', text: s.specialStatements.length > 1 ? 'Särskilda uttalanden' : 'Särskilt uttalande' });
    for (const st of s.specialStatements) {
      sections.statements.push({ kind: 'paragraph', text: specialStatementSentence(st, w) });
      const content = paragraphsOf(st.text);
      if (content.length) sections.statements.push({ kind: 'quote', paragraphs: content });
    }
  }

  const blocks: ExtractBlock[] = [
    { kind: 'lead', text: `Protokollsutdrag – ${s.bodyName}, sammanträde den ${svDate(s.meetingDate)}` },
    ...(final ? [] : [{ kind: 'note', text: 'Utkast: paragrafen är inte justerad.' } as const]),
    { kind: 'title', paragraph: `§ ${s.paragraph}`, title: s.title },
    ...(s.subtitle?.trim() ? [{ kind: 'subtitle', text: s.subtitle.trim() } as const] : []),
    ...(dnr && present ? [{ kind: 'paragraph', text: dnr } as const] : []),
  ];
  const order = present
    ? (['decision', 'reservations', 'matter', 'proposals', 'procedure', 'statements'] as const)
    : (['decision', 'matter', 'proposals', 'procedure', 'reservations', 'statements'] as const);
  for (const key of order) blocks.push(...sections[key]);
  if (s.immediateApproval) blocks.push({ kind: 'paragraph', text: immediateApprovalSentence(w) });
  if (final) {
    blocks.push({ kind: 'heading', text: 'Justering' });
    if (s.immediateApproval) blocks.push({ kind: 'paragraph', text: `Paragrafen justerades omedelbart den ${svDate(s.finalOn!)}.` });
    else {
      blocks.push({ kind: 'paragraph', text: `Protokollet justerades den ${svDate(s.finalOn!)}.` });
      if (s.approvers.length) blocks.push({ kind: 'paragraph', text: `Justerare: ${joinList(s.approvers)}.` });
    }
  }
  return {
    title: `Protokollsutdrag § ${s.paragraph}: ${s.title}`,
    footer: `${s.bodyName} – protokollsutdrag § ${s.paragraph}, ${svDate(s.meetingDate)}`,
    final,
    blocks,
  };
}

/** The extract as plain text: one block per paragraph, separated by blank lines. */
export function extractText(e: Extract): string {
  const out: string[] = [];
  for (const b of e.blocks) {
    switch (b.kind) {
      case 'title':
        out.push(b.paragraph, b.title);
        break;
      case 'points':
        out.push(numberedPoints(b.items).join('\n'));
        break;
      case 'quote':
        out.push(...quoted(b.paragraphs));
        break;
      default:
        out.push(b.text);
    }
  }
  return `${out.join('\n\n')}\n`;
}

/** The extract for src/views/pdf.ts. */
export function extractPdfBlocks(e: Extract): PdfBlock[] {
  const out: PdfBlock[] = [];
  for (const b of e.blocks) {
    switch (b.kind) {
      case 'title':
        out.push({ kind: 'heading', text: b.paragraph, level: 1 }, { kind: 'heading', text: b.title, level: 2 });
        break;
      case 'subtitle':
        out.push({ kind: 'paragraph', text: b.text });
        break;
      case 'heading':
        out.push({ kind: 'heading', text: b.text, level: 3 });
        break;
      case 'points':
        out.push({ kind: 'points', items: b.items });
        break;
      case 'quote':
        out.push({ kind: 'paragraph', text: quoted(b.paragraphs).join('\n\n') });
        break;
      default:
        out.push({ kind: 'paragraph', text: b.text });
    }
  }
  return out;
}
