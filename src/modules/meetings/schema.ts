import { boolean, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { bodies, membershipRoleEnum, people } from '../organisation/schema.js';
import { cases, documents } from '../registry/schema.js';

export const MEETING_STATUSES = ['planned', 'held', 'approved'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const meetingStatusEnum = pgEnum('meeting_status', MEETING_STATUSES);

/**
 * How the minutes are worded. Boards differ: Hägersten-Liljeholmen writes in the past tense
 * ("föreslog att nämnden skulle besluta …", "Beslutsgång", seed 000), Socialnämnden in the present
 * ("föreslår att nämnden beslutar …", "Socialnämndens beslut", "Beslutsordning", seed 001).
 */
export const MINUTES_TENSES = ['past', 'present'] as const;
export type MinutesTense = (typeof MINUTES_TENSES)[number];
export const minutesTenseEnum = pgEnum('minutes_tense', MINUTES_TENSES);

/**
 * A member as written in minutes: "Abit Dundar m.fl. (L)" is { name: 'Abit Dundar', party: 'L',
 * others: true }; "tjänstgörande ersättaren Inga-Lill Persson (L)" has role servingSubstitute.
 * Same shape as the archive importer's, so imported and recorded minutes look alike.
 */
export interface MinutesMember {
  personId?: string | null;
  name: string;
  party: string | null;
  role: 'member' | 'servingSubstitute' | 'chair' | null;
  others?: boolean;
}

export interface RollCallVote {
  name: string;
  party: string | null;
  vote: 'yes' | 'no' | 'abstain';
}

/** Sammanträde. */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id, { onDelete: 'restrict' }),
    meetingDate: date('meeting_date', { mode: 'string' }).notNull(),
    startTime: text('start_time'),
    place: text('place'),
    status: meetingStatusEnum('status').notNull().default('planned'),
    minutesTense: minutesTenseEnum('minutes_tense').notNull().default('past'),
    /** Justerare: who approves the minutes with the chair. */
    approvers: jsonb('approvers').$type<string[]>().notNull().default([]),
    approvedOn: date('approved_on', { mode: 'string' }),
    approvedBy: text('approved_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('meetings_body_date_idx').on(t.bodyId, t.meetingDate)],
);

/** Närvarande: members present and serving substitutes at one meeting. */
export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    /** Name and party as they were on the day (people may change party later). */
    name: text('name').notNull(),
    party: text('party'),
    role: membershipRoleEnum('role').notNull(),
    /** Serving substitutes: whom they replace. */
    replacesName: text('replaces_name'),
    position: integer('position').notNull(),
  },
  (t) => [index('meeting_attendees_meeting_idx').on(t.meetingId)],
);

export const PROCEDURE_KINDS = ['acclamation', 'vote'] as const;
export type ProcedureKind = (typeof PROCEDURE_KINDS)[number];
export const procedureKindEnum = pgEnum('decision_procedure_kind', PROCEDURE_KINDS);

/** Ärende på föredragningslistan: one numbered paragraph (§) of a meeting. */
export const agendaItems = pgTable(
  'agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    paragraph: integer('paragraph').notNull(),
    title: text('title').notNull(),
    /** e.g. "Yttrande till kommunstyrelsen" / "Svar på remiss från kommunstyrelsen". */
    subtitle: text('subtitle'),
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'set null' }),
    /** Ärendet: the summary of the matter as written in the minutes. */
    matterText: text('matter_text').notNull().default(''),
    /** The administration's proposal (förvaltningens förslag till beslut), numbered points. */
    administrationProposal: jsonb('administration_proposal').$type<string[]>().notNull().default([]),
    /** e.g. "Ordföranden förklarade överläggningen avslutad." */
    debateClosedText: text('debate_closed_text'),
    procedureKind: procedureKindEnum('procedure_kind'),
    /** Beslutsgång as written: "Ordföranden ställde förslagen mot varandra och fann att …". */
    procedureText: text('procedure_text'),
    votesYes: integer('votes_yes'),
    votesNo: integer('votes_no'),
    votesAbstain: integer('votes_abstain'),
    rollCall: jsonb('roll_call').$type<RollCallVote[]>().notNull().default([]),
    /** Beslut: numbered points (one point is printed without a number). */
    decisionPoints: jsonb('decision_points').$type<string[]>().notNull().default([]),
    /** Omedelbar justering: the paragraph is approved at the meeting. */
    immediateApproval: boolean('immediate_approval').notNull().default(false),
    /** When the item became final (minutes or immediate approval). */
    finalOn: date('final_on', { mode: 'string' }),
    /** The protocol extract registered in the item's case when it became final. */
    extractDocumentId: uuid('extract_document_id').references(() => documents.id, { onDelete: 'set null' }),
    position: integer('position').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [unique('agenda_items_paragraph_unique').on(t.meetingId, t.paragraph), index('agenda_items_case_idx').on(t.caseId)],
);

export const PROPOSAL_KINDS = ['supportsAdministration', 'own'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
export const proposalKindEnum = pgEnum('proposal_kind', PROPOSAL_KINDS);

/** Förslag till beslut by named members: "approve the administration's proposal" or their own text. */
export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    members: jsonb('members').$type<MinutesMember[]>().notNull().default([]),
    /** Party abbreviations, including parties named without members ("Liberalerna reserverade sig"). */
    parties: jsonb('parties').$type<string[]>().notNull().default([]),
    kind: proposalKindEnum('kind').notNull(),
    /** Own proposals: the numbered points ("1. Att godkänna förvaltningens förslag till beslut."). */
    points: jsonb('points').$type<string[]>().notNull().default([]),
    /** Own proposals: the text that follows the points (the "anföra följande" part). */
    text: text('text').notNull().default(''),
  },
  (t) => [index('proposals_item_idx').on(t.itemId)],
);

/** Reservation: members (and their parties) reserving against the decision. */
export const reservations = pgTable(
  'reservations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    members: jsonb('members').$type<MinutesMember[]>().notNull().default([]),
    /** Party abbreviations, including parties named without members ("Liberalerna reserverade sig"). */
    parties: jsonb('parties').$type<string[]>().notNull().default([]),
    /** "till förmån för eget förslag": the proposal they reserve in favour of, if any. */
    inFavourOfProposalId: uuid('in_favour_of_proposal_id').references(() => proposals.id, { onDelete: 'set null' }),
    /** The reservation's own text (often the proposal's points and text again). */
    text: text('text').notNull().default(''),
  },
  (t) => [index('reservations_item_idx').on(t.itemId)],
);

/** Särskilt uttalande. */
export const specialStatements = pgTable(
  'special_statements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    members: jsonb('members').$type<MinutesMember[]>().notNull().default([]),
    /** Party abbreviations, including parties named without members ("Liberalerna reserverade sig"). */
    parties: jsonb('parties').$type<string[]>().notNull().default([]),
    text: text('text').notNull(),
  },
  (t) => [index('special_statements_item_idx').on(t.itemId)],
);
