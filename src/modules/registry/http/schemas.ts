import { z } from 'zod';
import { registerCaseInput } from '../commands/register-case.js';
import { updateCaseInput } from '../commands/update-case.js';
import { registerDocumentInput } from '../commands/register-document.js';
import { updateDocumentInput } from '../commands/update-document.js';
import { classifyDocumentInput } from '../commands/classify-document.js';
import { filenameInput, mediaTypeInput } from '../commands/add-attachment.js';
import { CASE_STATUSES, DOCUMENT_DIRECTIONS, DOCUMENT_KINDS } from '../schema.js';

// ── inputs ──────────────────────────────────────────────────────────────────
export const idParams = z.strictObject({ id: z.uuid() });

/** `lang` is the site-wide language switch; everything else unknown is refused. */
export const listQuery = z.strictObject({
  bodyId: z.uuid().optional(),
  year: z.coerce.number().int().min(1900).max(2199).optional(),
  kind: z.enum(DOCUMENT_KINDS).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  lang: z.enum(['sv', 'en']).optional(),
});

export const createCaseBody = registerCaseInput;
export const patchCaseBody = updateCaseInput;
/** The API adds files with POST /api/documents/:id/attachments, one at a time. */
export const createDocumentBody = registerDocumentInput.omit({ attachments: true });
export const patchDocumentBody = updateDocumentInput;
export const classifyBody = classifyDocumentInput;

/** Base64 grows 4/3; the route's body limit is set from STADSNAV_MAX_UPLOAD_BYTES. */
export const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;
export function attachmentBody(maxBytes: number) {
  return z.strictObject({
    filename: filenameInput,
    mediaType: mediaTypeInput,
    content: z.base64().max(base64Length(maxBytes) + 4096),
  });
}

// ── outputs ─────────────────────────────────────────────────────────────────
const classification = z.object({
  confidentiality: z.number().int().min(0).max(4),
  integrity: z.number().int().min(0).max(4),
  availability: z.number().int().min(0).max(4),
});

export const registryEntrySchema = z
  .object({
    type: z.enum(['case', 'document']),
    caseId: z.uuid(),
    documentId: z.uuid().nullable(),
    bodyId: z.uuid(),
    bodyName: z.string(),
    registryNumber: z.string(),
    year: z.number().int(),
    documentNumber: z.number().int().nullable(),
    kind: z.enum(DOCUMENT_KINDS).nullable(),
    direction: z.enum(DOCUMENT_DIRECTIONS).nullable(),
    date: z.string().describe('Document date, or the registration date of a case (YYYY-MM-DD, Stockholm)'),
    registeredAt: z.string(),
    title: z.string().nullable().describe('Null when the entry is restricted'),
    restricted: z.boolean().describe('True when the subject is withheld under secrecy'),
    secrecyGround: z.string().nullable(),
    classification,
  })
  .meta({ id: 'RegistryEntry' });

export const registryPageSchema = z.object({
  items: z.array(registryEntrySchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

export const attachmentSchema = z
  .object({
    id: z.uuid(),
    documentId: z.uuid(),
    filename: z.string(),
    mediaType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    createdAt: z.string(),
    url: z.string(),
  })
  .meta({ id: 'Attachment' });

export const caseSchema = z
  .object({
    id: z.uuid(),
    bodyId: z.uuid(),
    bodyName: z.string(),
    registryNumber: z.string(),
    year: z.number().int(),
    sequence: z.number().int(),
    classCode: z.string().nullable(),
    status: z.enum(CASE_STATUSES),
    classification,
    registeredAt: z.string(),
    updatedAt: z.string(),
    restricted: z.boolean(),
    title: z.string().nullable(),
    description: z.string().nullable(),
    administrationId: z.uuid().nullable(),
    administrationName: z.string().nullable(),
    documents: z.array(registryEntrySchema),
  })
  .meta({ id: 'Case' });

export const documentSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    bodyId: z.uuid(),
    bodyName: z.string(),
    registryNumber: z.string(),
    number: z.number().int(),
    kind: z.enum(DOCUMENT_KINDS),
    direction: z.enum(DOCUMENT_DIRECTIONS),
    documentDate: z.string(),
    registeredAt: z.string(),
    updatedAt: z.string(),
    classification,
    effectiveConfidentiality: z.number().int(),
    secrecyGround: z.string().nullable(),
    restricted: z.boolean(),
    title: z.string().nullable(),
    caseTitle: z.string().nullable(),
    authorName: z.string().nullable(),
    administrationId: z.uuid().nullable(),
    administrationName: z.string().nullable(),
    counterpart: z.string().nullable(),
    text: z.string().nullable(),
    attachments: z.array(attachmentSchema),
  })
  .meta({ id: 'Document' });

export const registryErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.array(z.string())).optional(),
});
