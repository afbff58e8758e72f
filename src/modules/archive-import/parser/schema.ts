/**
 * The dry-run JSON contract of the archive import: what the parser found in one document.
 * `dryRunResultSchema` is strict — the JSON has exactly these keys.
 */
import { z } from 'zod';

export const documentKinds = ['protocolExtract', 'statement', 'memo', 'unknown'] as const;
export const memberRoles = ['member', 'substitute', 'servingSubstitute', 'chair'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const memberSchema = z.strictObject({
  name: z.string().min(1).nullable(),
  party: z.string().min(1).nullable(),
  role: z.enum(memberRoles).nullable(),
  /** "m.fl." — the named member speaks for others too */
  others: z.literal(true).optional(),
});

export const proposalSchema = z.strictObject({
  members: z.array(memberSchema),
  parties: z.array(z.string().min(1)),
  summary: z.string(),
});

export const reservationSchema = z.strictObject({
  members: z.array(memberSchema),
  parties: z.array(z.string().min(1)),
  inFavourOf: z.string().nullable(),
  text: z.string().nullable(),
});

export const referralSchema = z.strictObject({
  subject: z.string().nullable(),
  sender: z.string().nullable(),
  deadline: isoDate.nullable(),
  letterDate: isoDate.nullable(),
});

export const signatorySchema = z.strictObject({
  name: z.string().min(1),
  title: z.string().nullable(),
});

export const dryRunResultSchema = z.strictObject({
  file: z.string(),
  kind: z.enum(documentKinds),
  title: z.string().nullable(),
  body: z.string().nullable(),
  administration: z.string().nullable(),
  registryNumbers: z.array(z.string()),
  paragraph: z.number().int().nonnegative().nullable(),
  meetingDate: isoDate.nullable(),
  documentDate: isoDate.nullable(),
  referral: referralSchema.nullable(),
  proposedDecision: z.array(z.string()),
  decision: z.array(z.string()),
  proposals: z.array(proposalSchema),
  procedure: z.string().nullable(),
  reservations: z.array(reservationSchema),
  signatories: z.array(signatorySchema),
  attachments: z.array(z.string()),
  warnings: z.array(z.string()),
});

export type DocumentKind = (typeof documentKinds)[number];
export type MemberRole = (typeof memberRoles)[number];
export type Member = z.infer<typeof memberSchema>;
export type Proposal = z.infer<typeof proposalSchema>;
export type Reservation = z.infer<typeof reservationSchema>;
export type Referral = z.infer<typeof referralSchema>;
export type Signatory = z.infer<typeof signatorySchema>;
/** The contract object: exactly what `toDryRunJson` returns. */
export type DryRunResult = z.infer<typeof dryRunResultSchema>;
