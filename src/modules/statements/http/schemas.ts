import { z } from 'zod';
import { createStatementInput } from '../commands/create-statement.js';
import { finaliseStatementInput } from '../commands/finalise-statement.js';
import { saveStatementVersionInput } from '../commands/save-statement-version.js';
import { DIFF_SECTIONS } from '../diff.js';
import { STATEMENT_STATUSES } from '../schema.js';

// ── inputs ──────────────────────────────────────────────────────────────────
export const idParams = z.strictObject({ id: z.uuid() });
export const versionParams = z.strictObject({ id: z.uuid(), version: z.coerce.number().int().min(1).max(100_000) });
export const listQuery = z.strictObject({ caseId: z.uuid(), lang: z.enum(['sv', 'en']).optional() });
export const diffQuery = z.strictObject({
  from: z.coerce.number().int().min(1).max(100_000),
  to: z.coerce.number().int().min(1).max(100_000),
  lang: z.enum(['sv', 'en']).optional(),
});

export const createBody = createStatementInput;
export const saveBody = saveStatementVersionInput;
export const finaliseBody = finaliseStatementInput;

// ── outputs ─────────────────────────────────────────────────────────────────
const signatorySchema = z.object({ name: z.string(), title: z.string() });

export const versionSchema = z
  .object({
    version: z.number().int(),
    documentDate: z.string(),
    proposedDecision: z.array(z.string()).describe('Förslag till beslut, in order'),
    summary: z.string(),
    preparation: z.string().describe('Ärendets beredning'),
    background: z.string(),
    views: z.string().describe('Förvaltningens synpunkter'),
    attachmentNames: z.array(z.string()),
    signatories: z.array(signatorySchema),
    note: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'StatementVersion' });

export const statementSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    bodyId: z.uuid(),
    bodyName: z.string(),
    registryNumber: z.string().describe("The statement's Dnr: its case's registry number"),
    caseTitle: z.string(),
    title: z.string(),
    status: z.enum(STATEMENT_STATUSES),
    currentVersion: z.number().int(),
    documentId: z.uuid().nullable().describe('The registry document, once final'),
    documentNumber: z.number().int().nullable(),
    administrationId: z.uuid().nullable(),
    administrationName: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: versionSchema.describe('The current version'),
  })
  .meta({ id: 'Statement' });

export const statementListSchema = z.object({ items: z.array(statementSchema) });

export const versionListSchema = z.object({
  items: z.array(
    z.object({ version: z.number().int(), documentDate: z.string(), note: z.string().nullable(), createdBy: z.string(), createdAt: z.string() }),
  ),
});

export const diffSchema = z
  .object({
    statementId: z.uuid(),
    from: z.number().int(),
    to: z.number().int(),
    sections: z.array(
      z.object({
        section: z.enum(DIFF_SECTIONS),
        changed: z.boolean(),
        changes: z.array(z.object({ type: z.enum(['added', 'removed', 'unchanged']), text: z.string() })),
      }),
    ),
  })
  .meta({ id: 'StatementDiff' });

export const errorSchema = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.array(z.string())).optional(),
});
