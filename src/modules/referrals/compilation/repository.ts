import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
// Shared schema files: the compilation reads bodies, cases, documents and parties for names and
// classification, and the round's own tables, without going through the other helpers' code.
import { bodies, parties } from '../../organisation/schema.js';
import { cases, documents } from '../../registry/schema.js';
import { referralRecipients, referrals, type RecipientStatus, type ReferralStatus, type Stance } from '../schema.js';

export interface ReferralRow {
  id: string;
  caseId: string;
  registryNumber: string;
  caseBodyId: string;
  caseConfidentiality: number;
  subject: string;
  description: string | null;
  senderBodyId: string;
  senderBodyName: string;
  letterDate: string;
  deadline: string;
  status: ReferralStatus;
}

export interface RecipientRow {
  id: string;
  bodyId: string;
  bodyName: string;
  caseId: string | null;
  caseNumber: string | null;
  caseConfidentiality: number | null;
  existingNumber: string | null;
  status: RecipientStatus;
  stance: Stance | null;
  receivedOn: string | null;
  answeredOn: string | null;
  declineReason: string | null;
  answerDocumentIds: string[];
}

export interface DocumentRow {
  id: string;
  caseId: string;
  bodyId: string;
  title: string;
  kind: string;
  documentDate: string;
  bodyText: string | null;
  /** The document's own level or its case's, whichever is higher. */
  confidentiality: number;
}

export interface ThemeMatchRow {
  passage: number;
  theme: string;
  headline: string;
}

export const compilationRepository = {
  async findReferral(db: Db, id: string): Promise<ReferralRow | null> {
    const [row] = await db
      .select({
        id: referrals.id,
        caseId: referrals.caseId,
        registryNumber: cases.registryNumber,
        caseBodyId: cases.bodyId,
        caseConfidentiality: cases.confidentiality,
        subject: referrals.subject,
        description: referrals.description,
        senderBodyId: referrals.senderBodyId,
        senderBodyName: bodies.name,
        letterDate: referrals.letterDate,
        deadline: referrals.deadline,
        status: referrals.status,
      })
      .from(referrals)
      .innerJoin(cases, eq(cases.id, referrals.caseId))
      .innerJoin(bodies, eq(bodies.id, referrals.senderBodyId))
      .where(eq(referrals.id, id));
    return row ?? null;
  },

  /** Recipients in the order of their bodies' names (Swedish collation is applied by the caller). */
  async listRecipients(db: Db, referralId: string): Promise<RecipientRow[]> {
    return db
      .select({
        id: referralRecipients.id,
        bodyId: referralRecipients.bodyId,
        bodyName: bodies.name,
        caseId: referralRecipients.caseId,
        caseNumber: cases.registryNumber,
        caseConfidentiality: cases.confidentiality,
        existingNumber: referralRecipients.existingNumber,
        status: referralRecipients.status,
        stance: referralRecipients.stance,
        receivedOn: referralRecipients.receivedOn,
        answeredOn: referralRecipients.answeredOn,
        declineReason: referralRecipients.declineReason,
        answerDocumentIds: referralRecipients.answerDocumentIds,
      })
      .from(referralRecipients)
      .innerJoin(bodies, eq(bodies.id, referralRecipients.bodyId))
      .leftJoin(cases, eq(cases.id, referralRecipients.caseId))
      .where(eq(referralRecipients.referralId, referralId))
      .orderBy(asc(bodies.name));
  },

  async documentsByIds(db: Db, ids: readonly string[]): Promise<DocumentRow[]> {
    if (ids.length === 0) return [];
    return db
      .select({
        id: documents.id,
        caseId: documents.caseId,
        bodyId: cases.bodyId,
        title: documents.title,
        kind: documents.kind,
        documentDate: documents.documentDate,
        bodyText: documents.bodyText,
        confidentiality: sql<number>`greatest(${documents.confidentiality}, ${cases.confidentiality})::int`,
      })
      .from(documents)
      .innerJoin(cases, eq(cases.id, documents.caseId))
      .where(inArray(documents.id, [...ids]));
  },

  async partyNames(db: Db): Promise<Map<string, string>> {
    const rows = await db.select({ abbreviation: parties.abbreviation, name: parties.name }).from(parties);
    return new Map(rows.map((r) => [r.abbreviation, r.name]));
  },

  /**
   * Which passages raise which themes, in one query: every passage is stemmed once with the
   * 'swedish' configuration and tested against every term of every theme; ts_headline then marks
   * the words of the terms that matched (a phrase's words only where the phrase matched).
   * `options[i]` are the ts_headline options for passage i.
   */
  async matchThemes(
    db: Db,
    passages: readonly string[],
    options: readonly string[],
    terms: ReadonlyArray<{ theme: string; query: string }>,
  ): Promise<ThemeMatchRow[]> {
    if (passages.length === 0 || terms.length === 0) return [];
    const result = await db.execute<{ passage: number; theme: string; headline: string }>(sql`
      with p as materialized (
        select (p.ord - 1)::int as idx, p.txt, p.opts, to_tsvector('swedish', p.txt) as v
        from unnest(${sql.param([...passages])}::text[], ${sql.param([...options])}::text[]) with ordinality as p(txt, opts, ord)
      ), t as materialized (
        select t.theme, t.q, to_tsquery('swedish', t.q) as tq
        from unnest(${sql.param(terms.map((x) => x.theme))}::text[], ${sql.param(terms.map((x) => x.query))}::text[]) as t(theme, q)
      ), m as (
        select p.idx, t.theme, string_agg(t.q, ' | ') as q
        from p join t on p.v @@ t.tq
        group by p.idx, t.theme
      )
      select m.idx as passage, m.theme, ts_headline('swedish', p.txt, to_tsquery('swedish', m.q), p.opts) as headline
      from m join p on p.idx = m.idx
      order by m.idx, m.theme`);
    return (result as unknown as { rows: ThemeMatchRow[] }).rows.map((r) => ({ passage: Number(r.passage), theme: r.theme, headline: r.headline }));
  },
};
