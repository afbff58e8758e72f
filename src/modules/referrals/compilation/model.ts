import type { RecipientStatus, ReferralStatus, Stance } from '../schema.js';

/**
 * The compilation of a referral round (remissammanställning): what every recipient answered, the
 * reservations by party with identical texts merged, and the themes that recur across the answers.
 * The model is language-neutral (labels in both languages); views, CSV and PDF translate it.
 */

/** The recipient's answer in one word. `unspecified`: answered, but no stance was registered. */
export const COMPILATION_STANCES = ['approves', 'approvesWithViews', 'rejects', 'declined', 'noAnswer', 'unspecified'] as const;
export type CompilationStance = (typeof COMPILATION_STANCES)[number];

/** Where a passage comes from. */
export const PASSAGE_SOURCES = [
  'statementProposedDecision',
  'statementSummary',
  'statementPreparation',
  'statementBackground',
  'statementViews',
  'decision',
  'reservation',
  'specialStatement',
  'proposal',
  'extract',
  'answerDocument',
] as const;
export type PassageSource = (typeof PASSAGE_SOURCES)[number];

export interface Localised {
  sv: string;
  en: string;
}

/** A piece of a highlighted passage: `match` marks the words the theme's terms matched. */
export interface Segment {
  text: string;
  match: boolean;
}

export interface CompiledMember {
  name: string;
  party: string | null;
  role: 'member' | 'servingSubstitute' | 'chair' | null;
  others: boolean;
}

export interface CompiledDecision {
  meetingId: string;
  itemId: string;
  meetingDate: string;
  paragraph: number;
  title: string;
  final: boolean;
  finalOn: string | null;
  points: string[];
  /** The protocol extract (registry document page), else the recipient's case. */
  url: string;
}

export interface CompiledStatement {
  statementId: string;
  title: string;
  status: 'draft' | 'final';
  version: number;
  documentDate: string;
  proposedDecision: string[];
  /** The summary, shortened to about 400 characters at a word boundary. */
  summary: string;
  url: string;
}

export interface CompiledDocument {
  id: string;
  title: string;
  kind: string;
  documentDate: string;
  url: string;
}

export interface CompiledRecipient {
  id: string;
  bodyId: string;
  bodyName: string;
  caseId: string | null;
  /** The recipient's own Dnr (its case's number, or the number it already had). */
  registryNumber: string | null;
  status: RecipientStatus;
  stance: CompilationStance;
  receivedOn: string | null;
  answeredOn: string | null;
  /** The deadline has passed and the recipient has neither answered nor declined. */
  late: boolean;
  /** Answered after the deadline. */
  answeredLate: boolean;
  declineReason: string | null;
  /** The reader may not read this recipient's case: its content (decision, statement, texts) is withheld. */
  restricted: boolean;
  decision: CompiledDecision | null;
  statement: CompiledStatement | null;
  answerDocuments: CompiledDocument[];
  /** Parties that reserved against the decision. */
  reservationParties: string[];
  /** Ids of the themes this recipient raised. */
  themes: string[];
}

/** One place where a text was reserved (or stated). */
export interface TextOccurrence {
  recipientId: string;
  bodyId: string;
  bodyName: string;
  registryNumber: string | null;
  meetingDate: string;
  paragraph: number;
  members: CompiledMember[];
  parties: string[];
  inFavourOfOwnProposal: boolean;
  url: string;
}

/** A text, and every body where the same text (after normalising whitespace, quotes, numbering) was given. */
export interface MergedText {
  text: string;
  occurrences: TextOccurrence[];
}

export interface PartyGroup {
  /** Party abbreviation as written in the minutes; '' when none was given. */
  party: string;
  partyName: string | null;
  texts: MergedText[];
}

export interface ThemePassage {
  recipientId: string;
  bodyId: string;
  bodyName: string;
  source: PassageSource;
  url: string;
  headline: Segment[];
}

export interface CompiledTheme {
  id: string;
  label: Localised;
  terms: string[];
  /** Number of recipients whose answers raise the theme (the sort key). */
  recipientCount: number;
  bodies: Array<{ bodyId: string; bodyName: string; passageCount: number }>;
  passages: ThemePassage[];
}

export interface CompiledReferral {
  id: string;
  caseId: string;
  registryNumber: string;
  subject: string;
  description: string | null;
  senderBodyId: string;
  senderBodyName: string;
  letterDate: string;
  deadline: string;
  status: ReferralStatus;
  url: string;
}

export interface CompilationCounts {
  recipients: number;
  byStance: Record<CompilationStance, number>;
  byStatus: Record<RecipientStatus, number>;
  late: number;
  answeredLate: number;
}

export interface Compilation {
  referral: CompiledReferral;
  /** The Stockholm day the compilation was made (late flags depend on it). */
  compiledOn: string;
  counts: CompilationCounts;
  recipients: CompiledRecipient[];
  reservations: PartyGroup[];
  specialStatements: PartyGroup[];
  themes: CompiledTheme[];
}

// ── what the compilation reads from the meetings and statements modules ─────────────────────
// Structural subsets of `CaseDecision` (meetings) and `CaseStatement` (statements): the real types
// are assignable to these, so the compilation needs no more than it uses.

export interface MinutesMemberInput {
  name: string;
  party: string | null;
  role: 'member' | 'servingSubstitute' | 'chair' | null;
  others?: boolean | undefined;
}

export interface DecisionInput {
  caseId: string;
  itemId: string;
  meetingId: string;
  bodyId: string;
  meetingDate: string;
  paragraph: number;
  title: string;
  final: boolean;
  finalOn: string | null;
  decisionPoints: string[];
  proposals: Array<{ id: string; members: MinutesMemberInput[]; parties: string[]; kind: 'supportsAdministration' | 'own'; points: string[]; text: string }>;
  reservations: Array<{ members: MinutesMemberInput[]; parties: string[]; inFavourOfOwnProposal: boolean; text: string }>;
  specialStatements: Array<{ members: MinutesMemberInput[]; parties: string[]; text: string }>;
  extractDocumentId: string | null;
  extractText: string | null;
}

export interface StatementInput {
  caseId: string;
  statementId: string;
  title: string;
  status: 'draft' | 'final';
  version: number;
  documentDate: string;
  proposedDecision: string[];
  summary: string;
  preparation: string;
  background: string;
  views: string;
  documentId: string | null;
}

export type { RecipientStatus, Stance };
