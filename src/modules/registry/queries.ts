import { canReadClassified, readScope } from '../../access/classification.js';
import type { Actor } from '../../auth/actor.js';
import { isAdministrator } from '../../auth/actor.js';
import { NotFound } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { can } from '../../access/permissions.js';
import { sha256Hex } from './commands/add-attachment.js';
import { AttachmentCorrupt } from './errors.js';
import { REGISTRY_REGISTER } from './policy.js';
import {
  registryRepository,
  type AttachmentMeta,
  type DocumentWithCase,
  type EntryFilter,
  type RegistryEntryRow,
} from './repository.js';
import type { DocumentKind } from './schema.js';

/** Reads need the database and who is looking; never the clock. */
export interface ReadCtx {
  db: Db;
  actor: Actor;
}

export interface Classification {
  confidentiality: number;
  integrity: number;
  availability: number;
}

export type RegistryEntry = RegistryEntryRow;

export interface RegistryPage {
  items: RegistryEntry[];
  page: number;
  pageSize: number;
  total: number;
}

export interface CaseView {
  id: string;
  bodyId: string;
  bodyName: string;
  registryNumber: string;
  year: number;
  sequence: number;
  classCode: string | null;
  status: 'open' | 'closed';
  classification: Classification;
  registeredAt: Date;
  updatedAt: Date;
  /** True when the reader may not see the subject: then title, description and administration are null. */
  restricted: boolean;
  title: string | null;
  description: string | null;
  administrationId: string | null;
  administrationName: string | null;
  documents: RegistryEntry[];
}

export interface DocumentView {
  id: string;
  caseId: string;
  bodyId: string;
  bodyName: string;
  registryNumber: string;
  number: number;
  kind: DocumentKind;
  direction: 'incoming' | 'outgoing' | 'internal';
  documentDate: string;
  registeredAt: Date;
  updatedAt: Date;
  /** The document's own levels; `effectiveConfidentiality` also counts its case's. */
  classification: Classification;
  effectiveConfidentiality: number;
  secrecyGround: string | null;
  /** True when the reader may not see the content: title, author, counterpart, text and files are withheld. */
  restricted: boolean;
  title: string | null;
  caseTitle: string | null;
  authorName: string | null;
  administrationId: string | null;
  administrationName: string | null;
  counterpart: string | null;
  text: string | null;
  attachments: AttachmentMeta[];
}

export interface AttachmentFile {
  id: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  content: Buffer;
}

const classificationOf = (r: Classification): Classification => ({
  confidentiality: r.confidentiality,
  integrity: r.integrity,
  availability: r.availability,
});

/** A document is never more public than its case. */
const effectiveConfidentiality = (d: DocumentWithCase) => Math.max(d.confidentiality, d.caseConfidentiality);

function documentEntry(actor: Actor, d: DocumentWithCase): RegistryEntry {
  const confidentiality = effectiveConfidentiality(d);
  const readable = canReadClassified(actor, { bodyId: d.bodyId, confidentiality });
  return {
    entryType: 'document',
    caseId: d.caseId,
    documentId: d.id,
    bodyId: d.bodyId,
    bodyName: d.bodyName,
    registryNumber: d.registryNumber,
    year: d.caseYear,
    documentNumber: d.number,
    kind: d.kind,
    direction: d.direction,
    entryDate: d.documentDate,
    registeredAt: d.registeredAt,
    title: readable ? d.title : null,
    restricted: !readable,
    secrecyGround: d.secrecyGround,
    confidentiality,
    integrity: Math.max(d.integrity, d.caseIntegrity),
    availability: Math.max(d.availability, d.caseAvailability),
  };
}

/**
 * The public registry: cases and documents, newest registration first. Entries the reader may not
 * read keep their date, number, kind and body but lose their title (`restricted: true`).
 */
export async function listRegistry(
  ctx: ReadCtx,
  filter: EntryFilter & { page: number; pageSize: number },
): Promise<RegistryPage> {
  const { page, pageSize, ...rest } = filter;
  const { rows, total } = await registryRepository.listEntries(ctx.db, readScope(ctx.actor), rest, {
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
  return { items: rows, page, pageSize, total };
}

/** A case with its documents. The entry is public, so a secret case is shown restricted, never hidden. */
export async function getCase(ctx: ReadCtx, id: string): Promise<CaseView> {
  const c = await registryRepository.findCase(ctx.db, id);
  if (!c) throw new NotFound('case');
  const readable = canReadClassified(ctx.actor, { bodyId: c.bodyId, confidentiality: c.confidentiality });
  const docs = await registryRepository.listDocumentsOfCase(ctx.db, id);
  return {
    id: c.id,
    bodyId: c.bodyId,
    bodyName: c.bodyName,
    registryNumber: c.registryNumber,
    year: c.year,
    sequence: c.sequence,
    classCode: c.classCode,
    status: c.status,
    classification: classificationOf(c),
    registeredAt: c.registeredAt,
    updatedAt: c.updatedAt,
    restricted: !readable,
    title: readable ? c.title : null,
    description: readable ? c.description : null,
    administrationId: readable ? c.administrationId : null,
    administrationName: readable ? c.administrationName : null,
    documents: docs.map((d) => documentEntry(ctx.actor, d)),
  };
}

/** A document. Restricted documents show their registry entry only: no title, text or files. */
export async function getDocument(ctx: ReadCtx, id: string): Promise<DocumentView> {
  const d = await registryRepository.findDocument(ctx.db, id);
  if (!d) throw new NotFound('document');
  const confidentiality = effectiveConfidentiality(d);
  const readable = canReadClassified(ctx.actor, { bodyId: d.bodyId, confidentiality });
  const caseReadable = canReadClassified(ctx.actor, { bodyId: d.bodyId, confidentiality: d.caseConfidentiality });
  return {
    id: d.id,
    caseId: d.caseId,
    bodyId: d.bodyId,
    bodyName: d.bodyName,
    registryNumber: d.registryNumber,
    number: d.number,
    kind: d.kind,
    direction: d.direction,
    documentDate: d.documentDate,
    registeredAt: d.registeredAt,
    updatedAt: d.updatedAt,
    classification: classificationOf(d),
    effectiveConfidentiality: confidentiality,
    secrecyGround: d.secrecyGround,
    restricted: !readable,
    title: readable ? d.title : null,
    caseTitle: caseReadable ? d.caseTitle : null,
    authorName: readable ? d.authorName : null,
    administrationId: readable ? d.administrationId : null,
    administrationName: readable ? d.administrationName : null,
    counterpart: readable ? d.counterpart : null,
    text: readable ? d.bodyText : null,
    attachments: readable ? await registryRepository.listAttachments(ctx.db, d.id) : [],
  };
}

/**
 * A stored file, for download. A file the reader may not read answers exactly like a missing one
 * (404). The bytes are checked against the stored SHA-256 and size before they are handed out.
 */
export async function getAttachmentFile(ctx: ReadCtx, id: string): Promise<AttachmentFile> {
  const a = await registryRepository.findAttachment(ctx.db, id);
  if (!a || !canReadClassified(ctx.actor, { bodyId: a.bodyId, confidentiality: a.confidentiality })) throw new NotFound('attachment');
  if (a.content.length !== a.size || sha256Hex(a.content) !== a.sha256) throw new AttachmentCorrupt(a.id);
  return { id: a.id, filename: a.filename, mediaType: a.mediaType, size: a.size, sha256: a.sha256, content: a.content };
}

/** Bodies the actor may register cases in (the new-case form's choices). */
export async function registrableBodies(ctx: ReadCtx): Promise<Array<{ id: string; name: string }>> {
  if (isAdministrator(ctx.actor)) return registryRepository.listBodies(ctx.db);
  if (ctx.actor.kind !== 'user') return [];
  const grants = ctx.actor.grants.filter((g) => g.role === 'registrar');
  if (grants.some((g) => g.bodyId === null)) return registryRepository.listBodies(ctx.db);
  const all = await registryRepository.listBodies(ctx.db, grants.map((g) => g.bodyId!));
  return all.filter((b) => can(ctx.actor, REGISTRY_REGISTER, { bodyId: b.id }));
}

/** Filter choices for the list page. */
export async function registryFilterOptions(ctx: ReadCtx): Promise<{ bodies: Array<{ id: string; name: string }>; years: number[] }> {
  return { bodies: await registryRepository.listBodies(ctx.db), years: await registryRepository.years(ctx.db) };
}

/** The case with this registry number in a body's registry (archive import, referral links). */
export async function findCaseByRegistryNumber(db: Db, bodyId: string, registryNumber: string) {
  return registryRepository.findCaseByNumber(db, bodyId, registryNumber);
}
