import { z } from 'zod';
import { BODY_KINDS } from '../../organisation/index.js';
import { answerReferralInput } from '../commands/answer-referral.js';
import { changeRecipientStatusInput } from '../commands/change-recipient-status.js';
import { createReferralInput } from '../commands/create-referral.js';
import { declineReferralInput } from '../commands/decline-referral.js';
import { recipientGroupInput, updateRecipientGroupInput } from '../commands/recipient-groups.js';
import { sendReferralInput } from '../commands/send-referral.js';
import { updateReferralInput } from '../commands/update-referral.js';
import { RECIPIENT_STATUSES, REFERRAL_STATUSES, STANCES } from '../schema.js';
import { RECIPIENT_WARNINGS, REFERRAL_WARNINGS } from '../status.js';

// ── inputs ──────────────────────────────────────────────────────────────────
export const idParams = z.strictObject({ id: z.uuid() });

/** Base64 grows 4/3; the routes' body limits follow STADSNAV_MAX_UPLOAD_BYTES. */
export const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;

/** A file in JSON: its bytes in base64 (decoded by the route before the command sees it). */
export function apiFile(maxBytes: number) {
  return z.strictObject({
    title: z.string().trim().min(1).max(500).optional().describe('Title of the registered document; the file name without extension when left out'),
    filename: z.string().trim().min(1).max(255),
    mediaType: z.string().trim().min(1).max(200),
    content: z.base64().max(base64Length(maxBytes) + 4096).describe('The file, base64'),
  });
}
export type ApiFile = z.output<ReturnType<typeof apiFile>>;

export function createReferralBody(maxBytes: number) {
  return createReferralInput.omit({ draft: true, attachments: true }).extend({
    draft: apiFile(maxBytes).optional(),
    attachments: z.array(apiFile(maxBytes)).max(20).optional(),
  });
}

export function updateReferralBody(maxBytes: number) {
  return updateReferralInput.omit({ draft: true, attachments: true }).extend({
    draft: apiFile(maxBytes).optional(),
    attachments: z.array(apiFile(maxBytes)).max(20).optional(),
  });
}

export const sendReferralBody = sendReferralInput;
export const transitionBody = changeRecipientStatusInput;
export const declineBody = declineReferralInput;
export const answerBody = answerReferralInput;
export const groupBody = recipientGroupInput;
export const patchGroupBody = updateRecipientGroupInput;

/** `lang` is the site-wide language switch; everything else unknown is refused. */
export const listQuery = z.strictObject({
  role: z.enum(['sent', 'received']).optional().describe("sent: by the reader's bodies; received: to them"),
  status: z.enum(REFERRAL_STATUSES).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  lang: z.enum(['sv', 'en']).optional(),
});

export const TRACKING_STATUSES = [...RECIPIENT_STATUSES, 'late'] as const;
export const STANCE_FILTERS = [...STANCES, 'none'] as const;

/** The tracking table's filters (also on the page, as a plain GET form). */
export const trackingQuery = z.strictObject({
  status: z.enum(TRACKING_STATUSES).optional(),
  bodyKind: z.enum(BODY_KINDS).optional(),
  stance: z.enum(STANCE_FILTERS).optional(),
  lang: z.enum(['sv', 'en']).optional(),
});

// ── outputs ─────────────────────────────────────────────────────────────────
const counts = z.object(Object.fromEntries([...RECIPIENT_STATUSES, 'late'].map((s) => [s, z.number().int()])) as Record<(typeof TRACKING_STATUSES)[number], z.ZodNumber>);

export const recipientSchema = z
  .object({
    id: z.uuid(),
    referralId: z.uuid(),
    bodyId: z.uuid(),
    bodyName: z.string(),
    bodyKind: z.enum(BODY_KINDS),
    caseId: z.uuid().nullable().describe("The recipient's own case, registered when the round was sent"),
    registryNumber: z.string().nullable().describe("The recipient's own Dnr"),
    existingNumber: z.string().nullable(),
    status: z.enum(RECIPIENT_STATUSES),
    stance: z.enum(STANCES).nullable(),
    receivedOn: z.string().nullable(),
    answeredOn: z.string().nullable(),
    declineReason: z.string().nullable(),
    answerDocumentIds: z.array(z.uuid()),
    late: z.boolean().describe('Derived: the deadline has passed without an answer or a decline'),
    answeredLate: z.boolean(),
    warnings: z.array(z.enum(RECIPIENT_WARNINGS)).describe('Data-quality warnings on the dates (stored as given)'),
    allowedNext: z.array(z.enum(RECIPIENT_STATUSES)),
    updatedAt: z.string(),
    url: z.string(),
  })
  .meta({ id: 'ReferralRecipient' });

const referralBase = {
  id: z.uuid(),
  caseId: z.uuid().describe("The sender's case holding the draft and its attachments"),
  registryNumber: z.string(),
  senderBodyId: z.uuid(),
  senderBodyName: z.string(),
  subject: z.string(),
  description: z.string().nullable(),
  letterDate: z.string(),
  deadline: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  sentAt: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  warnings: z.array(z.enum(REFERRAL_WARNINGS)),
  counts: counts.describe('Recipients per status, and how many are late'),
  recipientCount: z.number().int(),
  url: z.string(),
};

export const referralSchema = z.object({ ...referralBase, recipients: z.array(recipientSchema) }).meta({ id: 'Referral' });

export const referralListSchema = z.object({
  items: z.array(z.object({ ...referralBase, mine: z.array(recipientSchema).describe("The reader's own bodies among the recipients") })),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

export const eventSchema = z
  .object({
    id: z.uuid(),
    occurredAt: z.string(),
    effectiveDate: z.string().nullable(),
    fromStatus: z.enum(RECIPIENT_STATUSES).nullable(),
    toStatus: z.enum(RECIPIENT_STATUSES),
    note: z.string().nullable(),
    automatic: z.string().nullable().describe('The domain event that made the step (e.g. meetings.decisionFinal)'),
    actor: z.string(),
  })
  .meta({ id: 'ReferralEvent' });

export const recipientDetailSchema = recipientSchema
  .extend({ referral: z.object(referralBase), events: z.array(eventSchema) })
  .meta({ id: 'ReferralRecipientDetail' });

export const timelineSchema = z.object({ items: z.array(eventSchema) });

const bodyRef = z.object({ id: z.uuid(), name: z.string(), kind: z.enum(BODY_KINDS) });
export const groupSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    bodyKinds: z.array(z.enum(BODY_KINDS)),
    bodies: z.array(bodyRef.extend({ archived: z.boolean() })),
    members: z.array(bodyRef).describe('Who a round sent to this group today would reach'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'RecipientGroup' });
export const groupListSchema = z.object({ items: z.array(groupSchema) });

export const errorSchema = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.array(z.string())).optional(),
});
