import { canReadClassified } from '../../../access/classification.js';
import type { Ctx } from '../../../core/context.js';
import { NotFound } from '../../../core/errors.js';
import { stockholmDate } from '../../registry/index.js';
import { RECIPIENT_STATUSES } from '../schema.js';
import { canReadReferral } from '../queries.js';
import { answeredLate, isLate } from '../status.js';
import { groupByParty, reservationText, stanceOf, type PartyEntry } from './merge.js';
import {
  COMPILATION_STANCES,
  type CompilationStance,
  type Compilation,
  type CompiledDecision,
  type CompiledDocument,
  type CompiledRecipient,
  type CompiledStatement,
  type CompiledTheme,
  type DecisionInput,
  type PassageSource,
  type RecipientStatus,
  type StatementInput,
} from './model.js';
import { compilationRepository as repo, type DocumentRow, type RecipientRow } from './repository.js';
import { moduleSources, type CompilationSources } from './sources.js';
import { headlineOptions, mergeOverlapping, maskForSearch, numberedPoints, parseHeadline, shorten, splitParagraphs, termQuery, textFragment, withEllipses } from './text.js';
import { THEMES, type ThemeDefinition } from './themes.js';

const caseUrl = (caseId: string) => `/registry/cases/${caseId}`;
const documentUrl = (documentId: string) => `/registry/documents/${documentId}`;

interface Passage {
  recipient: RecipientRow;
  source: PassageSource;
  text: string;
  url: string;
}

/** Picks the decision that answers the referral: the latest final one with points, else the latest. */
function chooseDecision(decisions: DecisionInput[]): DecisionInput | null {
  const sorted = [...decisions].sort((a, b) => a.meetingDate.localeCompare(b.meetingDate) || a.paragraph - b.paragraph);
  const withPoints = sorted.filter((d) => d.decisionPoints.length > 0);
  return withPoints.filter((d) => d.final).pop() ?? withPoints.pop() ?? sorted.pop() ?? null;
}

/**
 * The compiled view of a referral round for the reader in `ctx`. Recipients whose case the reader
 * may not read keep their row (body, Dnr, status, stance, dates) but lose their content; answer
 * documents, statements and extracts the reader may not read are left out.
 */
export async function compileReferral(ctx: Ctx, referralId: string, sources: CompilationSources = moduleSources): Promise<Compilation> {
  const referral = await repo.findReferral(ctx.db, referralId);
  if (!referral) throw new NotFound('referral');
  const recipients = (await repo.listRecipients(ctx.db, referral.id)).sort((a, b) => a.bodyName.localeCompare(b.bodyName, 'sv'));
  // The round's own read rule (sender case's classification; recipients' staff once sent). Hidden
  // and missing rounds answer alike.
  const round = { senderBodyId: referral.senderBodyId, confidentiality: referral.caseConfidentiality, status: referral.status };
  if (!canReadReferral(ctx.actor, round, recipients.map((r) => r.bodyId))) throw new NotFound('referral');
  const today = stockholmDate(ctx.clock.now());

  const caseReadable = (r: RecipientRow) =>
    canReadClassified(ctx.actor, { bodyId: r.bodyId, confidentiality: r.caseConfidentiality ?? 0 });
  const open = recipients.filter(caseReadable);
  const caseIds = open.map((r) => r.caseId).filter((id): id is string => id !== null);
  const [decisions, statements] = caseIds.length
    ? await Promise.all([sources.decisions(ctx.db, caseIds), sources.statements(ctx.db, caseIds)])
    : [[], []];

  const docIds = new Set<string>();
  for (const r of open) for (const id of r.answerDocumentIds) docIds.add(id);
  for (const d of decisions) if (d.extractDocumentId) docIds.add(d.extractDocumentId);
  for (const s of statements) if (s.documentId) docIds.add(s.documentId);
  const docs = new Map((await repo.documentsByIds(ctx.db, [...docIds])).map((d) => [d.id, d]));
  const readableDoc = (id: string | null | undefined): DocumentRow | undefined => {
    const d = id ? docs.get(id) : undefined;
    return d && canReadClassified(ctx.actor, { bodyId: d.bodyId, confidentiality: d.confidentiality }) ? d : undefined;
  };
  /** A linked registry document that exists but may not be read withholds what it records. */
  const withheld = (id: string | null | undefined) => Boolean(id && docs.has(id) && !readableDoc(id));

  const partyNames = await repo.partyNames(ctx.db);
  const reservationEntries: PartyEntry[] = [];
  const specialEntries: PartyEntry[] = [];
  const passages: Passage[] = [];
  const compiled: CompiledRecipient[] = [];

  for (const r of recipients) {
    const readable = caseReadable(r);
    const base: CompiledRecipient = {
      id: r.id,
      bodyId: r.bodyId,
      bodyName: r.bodyName,
      caseId: r.caseId,
      registryNumber: r.caseNumber ?? r.existingNumber,
      status: r.status,
      stance: stanceOf(r),
      receivedOn: r.receivedOn,
      answeredOn: r.answeredOn,
      late: isLate(r, referral.deadline, today),
      answeredLate: answeredLate(r, referral.deadline),
      declineReason: readable ? r.declineReason : null,
      restricted: !readable,
      decision: null,
      statement: null,
      answerDocuments: [],
      reservationParties: [],
      themes: [],
    };
    compiled.push(base);
    if (!readable) continue;

    const own: Passage[] = [];
    const add = (source: PassageSource, text: string | null | undefined, url: string) => {
      for (const p of splitParagraphs(text)) own.push({ recipient: r, source, text: p, url: url + textFragment(p) });
    };
    const fallbackUrl = r.caseId ? caseUrl(r.caseId) : '';

    // Drafts (a statement not finalised, minutes not approved) are not public records: only the
    // recipient body's staff see them, marked as drafts.
    const staff = canReadClassified(ctx.actor, { bodyId: r.bodyId, confidentiality: 1 });
    const statement = r.caseId ? statements.find((s) => s.caseId === r.caseId && (s.status === 'final' || staff)) : undefined;
    if (statement && !withheld(statement.documentId)) {
      // The statement's own page shows its sections (and, for staff, a draft).
      const url = `/statements/${statement.statementId}`;
      base.statement = presentStatement(statement, url);
      for (const point of statement.proposedDecision) add('statementProposedDecision', point, url);
      add('statementSummary', statement.summary, url);
      add('statementPreparation', statement.preparation, url);
      add('statementBackground', statement.background, url);
      add('statementViews', statement.views, url);
    }

    // The board's decision, proposals, reservations and special statements.
    const decision = chooseDecision(decisions.filter((d) => d.caseId === r.caseId && (d.final || staff) && !withheld(d.extractDocumentId)));
    if (decision) {
      const url = readableDoc(decision.extractDocumentId) ? documentUrl(decision.extractDocumentId!) : fallbackUrl;
      base.decision = presentDecision(decision, url);
      for (const point of decision.decisionPoints) add('decision', point, url);
      const occurrence = {
        recipientId: r.id,
        bodyId: r.bodyId,
        bodyName: r.bodyName,
        registryNumber: base.registryNumber,
        meetingDate: decision.meetingDate,
        paragraph: decision.paragraph,
        url,
      };
      for (const res of decision.reservations) {
        const text = reservationText(res, decision.proposals);
        reservationEntries.push({ parties: res.parties, members: res.members, text, occurrence: { ...occurrence, inFavourOfOwnProposal: res.inFavourOfOwnProposal } });
        add('reservation', text, url);
      }
      for (const s of decision.specialStatements) {
        specialEntries.push({ parties: s.parties, members: s.members, text: s.text, occurrence: { ...occurrence, inFavourOfOwnProposal: false } });
        add('specialStatement', s.text, url);
      }
      for (const p of decision.proposals) {
        if (p.kind !== 'own') continue;
        add('proposal', [numberedPoints(p.points), p.text].filter(Boolean).join('\n\n'), url);
      }
    }

    // The protocol extract's text and the registered answer documents (those not already read as
    // the statement or the decision above).
    if (decision?.extractText) add('extract', decision.extractText, base.decision!.url);
    const recorded = new Set([statement?.documentId, decision?.extractDocumentId].filter(Boolean));
    for (const id of r.answerDocumentIds) {
      const d = readableDoc(id);
      if (!d) continue;
      base.answerDocuments.push(presentDocument(d));
      if (recorded.has(id)) continue;
      add(d.kind === 'protocolExtract' ? 'extract' : 'answerDocument', d.bodyText, documentUrl(d.id));
    }

    // The same words are one passage per recipient: an own proposal repeated as a reservation, the
    // decision again in the extract, a paragraph split differently in two printings.
    passages.push(...mergeOverlapping(own));
  }

  const reservations = groupByParty(reservationEntries, partyNames);
  for (const group of reservations) {
    for (const text of group.texts) {
      for (const o of text.occurrences) {
        const rec = compiled.find((c) => c.id === o.recipientId);
        if (rec && group.party && !rec.reservationParties.includes(group.party)) rec.reservationParties.push(group.party);
      }
    }
  }

  const themes = await matchThemes(ctx, passages, THEMES);
  for (const theme of themes) {
    for (const b of theme.bodies) {
      for (const rec of compiled) if (rec.bodyId === b.bodyId && !rec.themes.includes(theme.id)) rec.themes.push(theme.id);
    }
  }

  return {
    referral: {
      id: referral.id,
      caseId: referral.caseId,
      registryNumber: referral.registryNumber,
      subject: referral.subject,
      description: referral.description,
      senderBodyId: referral.senderBodyId,
      senderBodyName: referral.senderBodyName,
      letterDate: referral.letterDate,
      deadline: referral.deadline,
      status: referral.status,
      url: caseUrl(referral.caseId),
    },
    compiledOn: today,
    counts: countsOf(compiled),
    recipients: compiled,
    reservations,
    specialStatements: groupByParty(specialEntries, partyNames),
    themes,
  };
}

function presentStatement(s: StatementInput, url: string): CompiledStatement {
  return {
    statementId: s.statementId,
    title: s.title,
    status: s.status,
    version: s.version,
    documentDate: s.documentDate,
    proposedDecision: s.proposedDecision,
    summary: shorten(s.summary),
    url,
  };
}

function presentDecision(d: DecisionInput, url: string): CompiledDecision {
  return {
    meetingId: d.meetingId,
    itemId: d.itemId,
    meetingDate: d.meetingDate,
    paragraph: d.paragraph,
    title: d.title,
    final: d.final,
    finalOn: d.finalOn,
    points: d.decisionPoints,
    url,
  };
}

function presentDocument(d: DocumentRow): CompiledDocument {
  return { id: d.id, title: d.title, kind: d.kind, documentDate: d.documentDate, url: documentUrl(d.id) };
}

function countsOf(recipients: CompiledRecipient[]) {
  const byStance = Object.fromEntries(COMPILATION_STANCES.map((s) => [s, 0])) as Record<CompilationStance, number>;
  const byStatus = Object.fromEntries(RECIPIENT_STATUSES.map((s) => [s, 0])) as Record<RecipientStatus, number>;
  let late = 0;
  let lateAnswers = 0;
  for (const r of recipients) {
    byStance[r.stance] += 1;
    byStatus[r.status] += 1;
    if (r.late) late += 1;
    if (r.answeredLate) lateAnswers += 1;
  }
  return { recipients: recipients.length, byStance, byStatus, late, answeredLate: lateAnswers };
}

/**
 * Every passage against every theme in one query (Swedish stemming), then grouped: themes sorted
 * by how many recipients raise them, passages in recipient order.
 */
async function matchThemes(ctx: Ctx, passages: Passage[], themes: readonly ThemeDefinition[]): Promise<CompiledTheme[]> {
  const texts = passages.map((p) => maskForSearch(p.text));
  const rows = await repo.matchThemes(
    ctx.db,
    texts,
    texts.map(headlineOptions),
    themes.flatMap((t) => t.terms.map((term) => ({ theme: t.id, query: termQuery(term) }))),
  );
  const result = themes.map((t, order) => ({
    order,
    theme: { id: t.id, label: t.label, terms: [...t.terms], recipientCount: 0, bodies: [], passages: [] } as CompiledTheme,
  }));
  const byId = new Map(result.map((r) => [r.theme.id, r.theme]));
  for (const row of rows) {
    const theme = byId.get(row.theme);
    const p = passages[row.passage];
    if (!theme || !p) continue;
    theme.passages.push({
      recipientId: p.recipient.id,
      bodyId: p.recipient.bodyId,
      bodyName: p.recipient.bodyName,
      source: p.source,
      url: p.url,
      headline: withEllipses(parseHeadline(row.headline), p.text),
    });
    const body = theme.bodies.find((b) => b.bodyId === p.recipient.bodyId);
    if (body) body.passageCount += 1;
    else theme.bodies.push({ bodyId: p.recipient.bodyId, bodyName: p.recipient.bodyName, passageCount: 1 });
  }
  for (const { theme } of result) theme.recipientCount = new Set(theme.passages.map((p) => p.recipientId)).size;
  return result
    .sort((a, b) => b.theme.recipientCount - a.theme.recipientCount || b.theme.passages.length - a.theme.passages.length || a.order - b.order)
    .map((r) => r.theme);
}
