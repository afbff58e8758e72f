import type { EventView, GroupView, RecipientDetail, RecipientView, ReferralListItem, ReferralPage, ReferralView } from './queries.js';

/** Views → API JSON. Pure. */
export const referralHref = (id: string) => `/referrals/${id}`;
export const recipientHref = (referralId: string, recipientId: string) => `/referrals/${referralId}/recipients/${recipientId}`;

export function presentRecipient(r: RecipientView) {
  return {
    id: r.id,
    referralId: r.referralId,
    bodyId: r.bodyId,
    bodyName: r.bodyName,
    bodyKind: r.bodyKind,
    caseId: r.caseId,
    registryNumber: r.registryNumber,
    existingNumber: r.existingNumber,
    status: r.status,
    stance: r.stance,
    receivedOn: r.receivedOn,
    answeredOn: r.answeredOn,
    declineReason: r.declineReason,
    answerDocumentIds: r.answerDocumentIds,
    late: r.late,
    answeredLate: r.answeredLate,
    warnings: r.warnings,
    allowedNext: [...r.allowedNext],
    updatedAt: r.updatedAt.toISOString(),
    url: recipientHref(r.referralId, r.id),
  };
}

function presentReferralBase(r: Omit<ReferralView, 'recipients' | 'shown'>) {
  return {
    id: r.id,
    caseId: r.caseId,
    registryNumber: r.registryNumber,
    senderBodyId: r.senderBodyId,
    senderBodyName: r.senderBodyName,
    subject: r.subject,
    description: r.description,
    letterDate: r.letterDate,
    deadline: r.deadline,
    status: r.status,
    sentAt: r.sentAt ? r.sentAt.toISOString() : null,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    warnings: r.warnings,
    counts: r.counts,
    recipientCount: r.recipientCount,
    url: referralHref(r.id),
  };
}

export function presentReferral(r: ReferralView) {
  return { ...presentReferralBase(r), recipients: r.shown.map(presentRecipient) };
}

export function presentListItem(r: ReferralListItem) {
  return { ...presentReferralBase(r), mine: r.mine.map(presentRecipient) };
}

export function presentPage(p: ReferralPage) {
  return { items: p.items.map(presentListItem), page: p.page, pageSize: p.pageSize, total: p.total };
}

export function presentEvent(e: EventView) {
  return {
    id: e.id,
    occurredAt: e.occurredAt.toISOString(),
    effectiveDate: e.effectiveDate,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    note: e.automatic ? null : e.note,
    automatic: e.automatic,
    actor: e.actorLabel,
  };
}

export function presentRecipientDetail(d: RecipientDetail) {
  return {
    ...presentRecipient(d.recipient),
    referral: presentReferralBase(d.referral),
    events: d.events.map(presentEvent),
  };
}

export function presentGroup(g: GroupView) {
  return {
    id: g.id,
    name: g.name,
    description: g.description,
    bodyKinds: g.bodyKinds,
    bodies: g.bodies.map((b) => ({ id: b.id, name: b.name, kind: b.kind, archived: b.archived })),
    members: g.members.map((b) => ({ id: b.id, name: b.name, kind: b.kind })),
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
  };
}
