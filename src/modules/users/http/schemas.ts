import { z } from 'zod';
import { ROLES } from '../../../auth/index.js';
import { LOCALES } from '../../../core/i18n.js';

/** `?lang=sv|en` is accepted everywhere (the request context reads it). */
const lang = z.enum(LOCALES).optional();
const page = z.coerce.number().int().min(1).max(1_000_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(100).default(20);
const filterText = z.string().trim().min(1).max(200).optional();

export const idParams = z.strictObject({ id: z.uuid() });

export const userListQuery = z.strictObject({ page, pageSize, q: filterText, lang });
export const auditListQuery = z.strictObject({
  page,
  pageSize,
  subjectType: filterText,
  subjectId: filterText,
  action: filterText,
  lang,
});
export const langQuery = z.strictObject({ lang });
/** POST /api/audit/verify takes no input: no body or an empty JSON object; anything else is refused. */
export const verifyBody = z.strictObject({}).nullish();

export const roleGrantOut = z.object({ role: z.enum(ROLES), bodyId: z.uuid().nullable() });

export const accountSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    locale: z.string(),
    active: z.boolean(),
    lockedUntil: z.string().nullable().describe('Set while the account is locked after repeated failed logins'),
    roles: z.array(roleGrantOut).describe('bodyId null = the whole city'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'UserAccount' });

export const accountListSchema = z.object({
  items: z.array(accountSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

export const auditEntrySchema = z
  .object({
    seq: z.number().int(),
    occurredAt: z.string(),
    actorId: z.string().nullable(),
    actorLabel: z.string(),
    action: z.string(),
    subjectType: z.string(),
    subjectId: z.string().nullable(),
    summary: z.record(z.string(), z.unknown()),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditLogEntry' });

export const auditListSchema = z.object({
  items: z.array(auditEntrySchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

export const verifyResultSchema = z
  .object({
    ok: z.boolean(),
    entries: z.number().int().describe('Entries checked and found intact'),
    lastHash: z.string().optional(),
    brokenAt: z.number().int().optional().describe('seq of the first entry that is altered, missing or unlinked'),
    reason: z.string().optional(),
  })
  .meta({ id: 'AuditChainVerification' });

export const apiErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.array(z.string())).optional(),
});

const E = apiErrorSchema;
export const readErrors = { 400: E, 401: E, 403: E } as const;
export const itemErrors = { 400: E, 401: E, 403: E, 404: E } as const;
export const writeErrors = { 400: E, 401: E, 403: E, 404: E, 422: E } as const;
