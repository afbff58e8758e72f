import { z } from 'zod';
import { RECIPIENT_STATUSES, REFERRAL_STATUSES } from '../../schema.js';
import { COMPILATION_STANCES, PASSAGE_SOURCES } from '../model.js';

export const compilationParams = z.strictObject({ id: z.uuid() });
/** Only the site-wide language switch. */
export const compilationQuery = z.strictObject({ lang: z.enum(['sv', 'en']).optional() });

const isoDate = z.string().describe('YYYY-MM-DD (Stockholm day)');
const localised = z.object({ sv: z.string(), en: z.string() });

const member = z.object({
  name: z.string(),
  party: z.string().nullable(),
  role: z.enum(['member', 'servingSubstitute', 'chair']).nullable(),
  others: z.boolean().describe('"m.fl.": and others of the same group'),
});

const occurrence = z.object({
  recipientId: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  registryNumber: z.string().nullable(),
  meetingDate: isoDate,
  paragraph: z.number().int(),
  members: z.array(member),
  parties: z.array(z.string()),
  inFavourOfOwnProposal: z.boolean(),
  url: z.string().describe('The protocol extract, else the recipient case'),
});

const partyGroup = z
  .object({
    party: z.string().describe("Party abbreviation as in the minutes; '' when none was given"),
    partyName: z.string().nullable(),
    texts: z.array(
      z.object({
        text: z.string(),
        occurrences: z.array(occurrence).describe('Every body where the same text (normalised whitespace, quotes, numbering) was given'),
      }),
    ),
  })
  .meta({ id: 'CompilationPartyGroup' });

const segment = z.object({ text: z.string(), match: z.boolean().describe('A word the theme matched') });

const theme = z
  .object({
    id: z.string(),
    label: localised,
    terms: z.array(z.string()),
    recipientCount: z.number().int(),
    bodies: z.array(z.object({ bodyId: z.uuid(), bodyName: z.string(), passageCount: z.number().int() })),
    passages: z.array(
      z.object({
        recipientId: z.uuid(),
        bodyId: z.uuid(),
        bodyName: z.string(),
        source: z.enum(PASSAGE_SOURCES),
        url: z.string().describe('Registry document or case page, with a text fragment (#:~:text=) to the passage'),
        headline: z.array(segment).describe('The passage (or fragments of it) with the matched words marked'),
      }),
    ),
  })
  .meta({ id: 'CompilationTheme' });

const recipient = z
  .object({
    id: z.uuid(),
    bodyId: z.uuid(),
    bodyName: z.string(),
    caseId: z.uuid().nullable(),
    registryNumber: z.string().nullable(),
    status: z.enum(RECIPIENT_STATUSES),
    stance: z.enum(COMPILATION_STANCES),
    receivedOn: isoDate.nullable(),
    answeredOn: isoDate.nullable(),
    late: z.boolean().describe('Deadline passed, neither answered nor declined'),
    answeredLate: z.boolean().describe('Answered after the deadline'),
    declineReason: z.string().nullable(),
    restricted: z.boolean().describe('The case is classified for this reader: decision, statement and texts are withheld'),
    decision: z
      .object({
        meetingId: z.uuid(),
        itemId: z.uuid(),
        meetingDate: isoDate,
        paragraph: z.number().int(),
        title: z.string(),
        final: z.boolean(),
        finalOn: isoDate.nullable(),
        points: z.array(z.string()),
        url: z.string(),
      })
      .nullable(),
    statement: z
      .object({
        statementId: z.uuid(),
        title: z.string(),
        status: z.enum(['draft', 'final']),
        version: z.number().int(),
        documentDate: isoDate,
        proposedDecision: z.array(z.string()),
        summary: z.string(),
        url: z.string(),
      })
      .nullable(),
    answerDocuments: z.array(z.object({ id: z.uuid(), title: z.string(), kind: z.string(), documentDate: isoDate, url: z.string() })),
    reservationParties: z.array(z.string()),
    themes: z.array(z.string()).describe('Ids of the themes the recipient raises'),
  })
  .meta({ id: 'CompilationRecipient' });

const countsBy = <T extends readonly [string, ...string[]]>(keys: T) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as { [K in T[number]]: z.ZodNumber });

export const compilationSchema = z
  .object({
    referral: z.object({
      id: z.uuid(),
      caseId: z.uuid(),
      registryNumber: z.string(),
      subject: z.string(),
      description: z.string().nullable(),
      senderBodyId: z.uuid(),
      senderBodyName: z.string(),
      letterDate: isoDate,
      deadline: isoDate,
      status: z.enum(REFERRAL_STATUSES),
      url: z.string(),
    }),
    compiledOn: isoDate,
    counts: z.object({
      recipients: z.number().int(),
      byStance: countsBy(COMPILATION_STANCES),
      byStatus: countsBy(RECIPIENT_STATUSES),
      late: z.number().int(),
      answeredLate: z.number().int(),
    }),
    recipients: z.array(recipient),
    reservations: z.array(partyGroup),
    specialStatements: z.array(partyGroup),
    themes: z.array(theme).describe('Sorted by the number of recipients raising them'),
  })
  .meta({ id: 'ReferralCompilation' });

export const compilationErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.array(z.string())).optional(),
});
