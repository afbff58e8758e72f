import type { StatementDiff, StatementView, VersionSummary, VersionView } from './queries.js';

/** Views → API JSON. Pure. */
export function presentVersion(v: VersionView) {
  return {
    version: v.version,
    documentDate: v.documentDate,
    proposedDecision: v.proposedDecision,
    summary: v.summary,
    preparation: v.preparation,
    background: v.background,
    views: v.views,
    attachmentNames: v.attachmentNames,
    signatories: v.signatories,
    note: v.note,
    createdBy: v.createdBy,
    createdAt: v.createdAt.toISOString(),
  };
}

export function presentStatement(s: StatementView) {
  return {
    id: s.id,
    caseId: s.caseId,
    bodyId: s.bodyId,
    bodyName: s.bodyName,
    registryNumber: s.registryNumber,
    caseTitle: s.caseTitle,
    title: s.title,
    status: s.status,
    currentVersion: s.currentVersion,
    documentId: s.documentId,
    documentNumber: s.documentNumber,
    administrationId: s.administrationId,
    administrationName: s.administrationName,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    version: presentVersion(s.version),
  };
}

export function presentVersionSummary(v: VersionSummary) {
  return { version: v.version, documentDate: v.documentDate, note: v.note, createdBy: v.createdBy, createdAt: v.createdAt.toISOString() };
}

export function presentDiff(d: StatementDiff) {
  return {
    statementId: d.statementId,
    from: d.from,
    to: d.to,
    sections: d.sections.map((s) => ({ section: s.section, changed: s.changed, changes: s.changes.map((c) => ({ type: c.type, text: c.text })) })),
  };
}
