import { date, index, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid, primaryKey } from 'drizzle-orm/pg-core';
import { bodies, BODY_KINDS } from '../organisation/schema.js';
import { cases } from '../registry/schema.js';

export const REFERRAL_STATUSES = ['draft', 'sent', 'closed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const referralStatusEnum = pgEnum('referral_status', REFERRAL_STATUSES);

/**
 * Per recipient: pending (round not yet sent) → received → drafting → onAgenda → decided → answered,
 * or declined. "late" is never stored: it is derived from the deadline (see status.ts).
 */
export const RECIPIENT_STATUSES = ['pending', 'received', 'drafting', 'onAgenda', 'decided', 'answered', 'declined'] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];
export const recipientStatusEnum = pgEnum('referral_recipient_status', RECIPIENT_STATUSES);

/** The recipient's answer in one word, set when the answer is registered. */
export const STANCES = ['approves', 'approvesWithViews', 'rejects'] as const;
export type Stance = (typeof STANCES)[number];
export const stanceEnum = pgEnum('referral_stance', STANCES);

/** Remiss: one draft sent by a body (usually the executive board) to many recipients. */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The sender's own case (Dnr) that holds the draft documents and attachments. */
    caseId: uuid('case_id')
      .notNull()
      .unique()
      .references(() => cases.id, { onDelete: 'restrict' }),
    senderBodyId: uuid('sender_body_id')
      .notNull()
      .references(() => bodies.id, { onDelete: 'restrict' }),
    subject: text('subject').notNull(),
    description: text('description'),
    letterDate: date('letter_date', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: referralStatusEnum('status').notNull().default('draft'),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('referrals_sender_idx').on(t.senderBodyId), index('referrals_deadline_idx').on(t.deadline)],
);

export const referralRecipients = pgTable(
  'referral_recipients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id, { onDelete: 'restrict' }),
    /** The recipient's own case (own Dnr), created when the round is sent. */
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'restrict' }),
    /** Archive rounds: the number the recipient already gave the case (kept instead of a new one). */
    existingNumber: text('existing_number'),
    status: recipientStatusEnum('status').notNull().default('pending'),
    stance: stanceEnum('stance'),
    receivedOn: date('received_on', { mode: 'string' }),
    answeredOn: date('answered_on', { mode: 'string' }),
    declineReason: text('decline_reason'),
    /** Registry documents that make up the answer (protocol extract, statement). */
    answerDocumentIds: jsonb('answer_document_ids').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    unique('referral_recipients_unique').on(t.referralId, t.bodyId),
    index('referral_recipients_case_idx').on(t.caseId),
    index('referral_recipients_body_idx').on(t.bodyId),
  ],
);

/** Timeline of one recipient: every status change with who, when and an optional note. */
export const referralEvents = pgTable(
  'referral_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => referralRecipients.id, { onDelete: 'cascade' }),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** The business date of the step (e.g. meeting day, answer day), when it differs from occurredAt. */
    effectiveDate: date('effective_date', { mode: 'string' }),
    fromStatus: recipientStatusEnum('from_status'),
    toStatus: recipientStatusEnum('to_status').notNull(),
    note: text('note'),
    actorLabel: text('actor_label').notNull(),
  },
  (t) => [index('referral_events_recipient_idx').on(t.recipientId, t.occurredAt)],
);

/** Saved recipient groups: either a fixed list of bodies or every body of some kinds ("all district boards"). */
export const recipientGroups = pgTable('recipient_groups', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  description: text('description'),
  /** Every current (not archived) body of these kinds belongs to the group. */
  bodyKinds: jsonb('body_kinds').$type<(typeof BODY_KINDS)[number][]>().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

export const recipientGroupBodies = pgTable(
  'recipient_group_bodies',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => recipientGroups.id, { onDelete: 'cascade' }),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.bodyId] })],
);
