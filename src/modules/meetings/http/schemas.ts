import { z } from 'zod';
import { MEMBERSHIP_ROLES } from '../../organisation/index.js';
import { addAgendaItemInput } from '../commands/add-agenda-item.js';
import { approveItemImmediatelyInput } from '../commands/approve-item-immediately.js';
import { approveMinutesInput } from '../commands/approve-minutes.js';
import { createMeetingInput } from '../commands/create-meeting.js';
import { updateItemInput } from '../commands/inputs.js';
import { reorderAgendaInput } from '../commands/reorder-agenda.js';
import { setAttendanceInput } from '../commands/set-attendance.js';
import { updateMeetingInput } from '../commands/update-meeting.js';
import { MEETING_STATUSES, MINUTES_TENSES, PROCEDURE_KINDS, PROPOSAL_KINDS } from '../schema.js';

// ── inputs ──────────────────────────────────────────────────────────────────
export const idParams = z.strictObject({ id: z.uuid() });
export const itemParams = z.strictObject({ id: z.uuid(), itemId: z.uuid() });

/** `lang` is the site-wide language switch; everything else unknown is refused. */
export const listQuery = z.strictObject({
  bodyId: z.uuid().optional(),
  year: z.coerce.number().int().min(1900).max(2199).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  lang: z.enum(['sv', 'en']).optional(),
});
export const decisionsQuery = z.strictObject({ caseId: z.uuid(), lang: z.enum(['sv', 'en']).optional() });

export const createMeetingBody = createMeetingInput;
export const patchMeetingBody = updateMeetingInput;
export const attendanceBody = setAttendanceInput;
export const addItemBody = addAgendaItemInput;
export const patchItemBody = updateItemInput;
export const reorderBody = reorderAgendaInput;
export const approveBody = approveMinutesInput;
export const immediateApprovalBody = approveItemImmediatelyInput;

// ── outputs ─────────────────────────────────────────────────────────────────
export const meetingsErrorSchema = z
  .object({ error: z.string(), message: z.string(), fields: z.record(z.string(), z.array(z.string())).optional() })
  .meta({ id: 'MeetingsError' });

export const minutesMemberSchema = z
  .object({
    personId: z.string().nullable(),
    name: z.string().describe('Empty for "Ordföranden" without a name'),
    party: z.string().nullable(),
    role: z.enum(['member', 'servingSubstitute', 'chair']).nullable().describe('Printed before the name: "Ledamoten", "tjänstgörande ersättaren", "Ordföranden"'),
    others: z.boolean().describe('"m.fl." (and others)'),
  })
  .meta({ id: 'MinutesMember' });

const meetingBase = {
  id: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  meetingDate: z.string(),
  startTime: z.string().nullable(),
  place: z.string().nullable(),
  status: z.enum(MEETING_STATUSES),
  minutesTense: z.enum(MINUTES_TENSES),
  approvedOn: z.string().nullable(),
  approvers: z.array(z.string()),
  url: z.string(),
};

export const meetingListItemSchema = z.object({ ...meetingBase, itemCount: z.number().int() }).meta({ id: 'MeetingListItem' });
export const meetingPageSchema = z.object({
  items: z.array(meetingListItemSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

export const attendeeSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid().nullable(),
    name: z.string(),
    party: z.string().nullable(),
    role: z.enum(MEMBERSHIP_ROLES),
    replacesName: z.string().nullable(),
  })
  .meta({ id: 'MeetingAttendee' });

export const itemSummarySchema = z
  .object({
    id: z.uuid(),
    paragraph: z.number().int(),
    title: z.string().nullable().describe('Null when the case is secret for the reader'),
    subtitle: z.string().nullable(),
    caseId: z.uuid().nullable(),
    registryNumber: z.string().nullable(),
    final: z.boolean(),
    finalOn: z.string().nullable(),
    immediateApproval: z.boolean(),
    extractDocumentId: z.uuid().nullable(),
    decisionPoints: z.array(z.string()).nullable().describe('Null for drafts the reader may not see'),
    visibility: z.enum(['full', 'heading', 'restricted']),
    url: z.string(),
  })
  .meta({ id: 'AgendaItemSummary' });

export const meetingSchema = z
  .object({ ...meetingBase, attendees: z.array(attendeeSchema), items: z.array(itemSummarySchema) })
  .meta({ id: 'Meeting' });

const rollCallSchema = z.object({ name: z.string(), party: z.string().nullable(), vote: z.enum(['yes', 'no', 'abstain']) });

export const itemSchema = z
  .object({
    id: z.uuid(),
    meetingId: z.uuid(),
    bodyId: z.uuid(),
    meetingDate: z.string(),
    paragraph: z.number().int(),
    title: z.string(),
    subtitle: z.string().nullable(),
    caseId: z.uuid().nullable(),
    registryNumber: z.string().nullable(),
    matterText: z.string(),
    administrationProposal: z.array(z.string()),
    proposals: z.array(
      z.object({
        id: z.uuid(),
        number: z.number().int(),
        members: z.array(minutesMemberSchema),
        parties: z.array(z.string()),
        kind: z.enum(PROPOSAL_KINDS),
        points: z.array(z.string()),
        text: z.string(),
        sentence: z.string(),
      }),
    ),
    debateClosedText: z.string().nullable(),
    procedure: z
      .object({
        kind: z.enum(PROCEDURE_KINDS),
        text: z.string().nullable(),
        votesYes: z.number().int().nullable(),
        votesNo: z.number().int().nullable(),
        votesAbstain: z.number().int().nullable(),
        rollCall: z.array(rollCallSchema),
      })
      .nullable(),
    decisionPoints: z.array(z.string()),
    reservations: z.array(
      z.object({
        members: z.array(minutesMemberSchema),
        parties: z.array(z.string()),
        inFavourOfProposal: z.number().int().nullable(),
        text: z.string(),
        sentence: z.string(),
      }),
    ),
    specialStatements: z.array(z.object({ members: z.array(minutesMemberSchema), parties: z.array(z.string()), text: z.string(), sentence: z.string() })),
    immediateApproval: z.boolean(),
    final: z.boolean(),
    finalOn: z.string().nullable(),
    extractDocumentId: z.uuid().nullable(),
    url: z.string(),
    extractUrl: z.string(),
    pdfUrl: z.string(),
  })
  .meta({ id: 'AgendaItem' });

export const extractSchema = z
  .object({
    itemId: z.uuid(),
    meetingId: z.uuid(),
    title: z.string(),
    final: z.boolean(),
    finalOn: z.string().nullable(),
    text: z.string().describe('The protocol extract as plain text (Swedish)'),
    documentId: z.uuid().nullable().describe('The registry document of the final extract'),
    url: z.string(),
    pdfUrl: z.string(),
  })
  .meta({ id: 'ProtocolExtract' });

export const caseDecisionSchema = z
  .object({
    caseId: z.uuid(),
    itemId: z.uuid(),
    meetingId: z.uuid(),
    bodyId: z.uuid(),
    meetingDate: z.string(),
    paragraph: z.number().int(),
    title: z.string(),
    final: z.boolean(),
    finalOn: z.string().nullable(),
    decisionPoints: z.array(z.string()),
    procedureText: z.string().nullable(),
    proposals: z.array(
      z.object({
        id: z.uuid(),
        members: z.array(minutesMemberSchema),
        parties: z.array(z.string()),
        kind: z.enum(PROPOSAL_KINDS),
        points: z.array(z.string()),
        text: z.string(),
      }),
    ),
    reservations: z.array(
      z.object({ members: z.array(minutesMemberSchema), parties: z.array(z.string()), inFavourOfOwnProposal: z.boolean(), text: z.string() }),
    ),
    specialStatements: z.array(z.object({ members: z.array(minutesMemberSchema), parties: z.array(z.string()), text: z.string() })),
    extractDocumentId: z.uuid().nullable(),
    extractText: z.string(),
  })
  .meta({ id: 'CaseDecision' });
