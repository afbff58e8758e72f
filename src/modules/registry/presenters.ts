import type { AttachmentMeta } from './repository.js';
import type { CaseView, DocumentView, RegistryEntry, RegistryPage } from './queries.js';

/** Rows and views → API JSON. Pure; restricted views already lack their subject. */
export function presentEntry(e: RegistryEntry) {
  return {
    type: e.entryType,
    caseId: e.caseId,
    documentId: e.documentId,
    bodyId: e.bodyId,
    bodyName: e.bodyName,
    registryNumber: e.registryNumber,
    year: e.year,
    documentNumber: e.documentNumber,
    kind: e.kind,
    direction: e.direction,
    date: e.entryDate,
    registeredAt: e.registeredAt.toISOString(),
    title: e.title,
    restricted: e.restricted,
    secrecyGround: e.secrecyGround,
    classification: { confidentiality: e.confidentiality, integrity: e.integrity, availability: e.availability },
  };
}

export function presentPage(p: RegistryPage) {
  return { items: p.items.map(presentEntry), page: p.page, pageSize: p.pageSize, total: p.total };
}

export function presentAttachment(a: AttachmentMeta) {
  return {
    id: a.id,
    documentId: a.documentId,
    filename: a.filename,
    mediaType: a.mediaType,
    size: a.size,
    sha256: a.sha256,
    createdAt: a.createdAt.toISOString(),
    url: `/api/attachments/${a.id}`,
  };
}

export function presentCase(c: CaseView) {
  return {
    id: c.id,
    bodyId: c.bodyId,
    bodyName: c.bodyName,
    registryNumber: c.registryNumber,
    year: c.year,
    sequence: c.sequence,
    classCode: c.classCode,
    status: c.status,
    classification: c.classification,
    registeredAt: c.registeredAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    restricted: c.restricted,
    title: c.title,
    description: c.description,
    administrationId: c.administrationId,
    administrationName: c.administrationName,
    documents: c.documents.map(presentEntry),
  };
}

export function presentDocument(d: DocumentView) {
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
    registeredAt: d.registeredAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    classification: d.classification,
    effectiveConfidentiality: d.effectiveConfidentiality,
    secrecyGround: d.secrecyGround,
    restricted: d.restricted,
    title: d.title,
    caseTitle: d.caseTitle,
    authorName: d.authorName,
    administrationId: d.administrationId,
    administrationName: d.administrationName,
    counterpart: d.counterpart,
    text: d.text,
    attachments: d.attachments.map(presentAttachment),
  };
}
