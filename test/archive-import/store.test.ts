import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, anonymous } from '../../src/auth/index.js';
import { fixedClock } from '../../src/core/clock.js';
import type { Ctx } from '../../src/core/context.js';
import type { Database } from '../../src/db/client.js';
import '../../src/modules/registry/index.js';
import { storeImportedFile } from '../../src/modules/archive-import/index.js';
import { listDecisionsForCases } from '../../src/modules/meetings/index.js';
import { parseDocument, toDryRunJson } from '../../src/modules/archive-import/parser/index.js';
import { createTestDb } from '../helpers/db.js';

const seeds = path.resolve(import.meta.dirname, '../fixtures/archive/seeds');
let database: Database;
let ctx: Ctx;
beforeAll(async () => {
  database = await createTestDb();
  ctx = { db: database.db, clock: fixedClock('2026-11-23T09:00:00Z'), actor: systemActor('import') };
});
afterAll(() => database.close());

const one = async (q: string) => Number(((await database.db.execute(sql.raw(q))) as unknown as { rows: Array<{ n: number }> }).rows[0]!.n);

function input(file: string, text = readFileSync(path.join(seeds, file), 'utf8')) {
  const parsed = parseDocument({ file, text });
  return { runId: null, filename: file, bytes: new TextEncoder().encode(text), originalText: parsed.originalText, repairedText: parsed.text, parsed: toDryRunJson(parsed), extra: parsed.extra };
}

describe('storing an imported file', () => {
  it('creates the body, the case with the Dnr kept, and the document with the text and the original file', async () => {
    const out = await storeImportedFile(ctx, input('001_41b9deafe301b80b.txt'));
    expect(out.status).toBe('stored');
    const [row] = ((await database.db.execute(
      sql`select c.registry_number, b.name, d.kind, d.title, d.document_date, a.sha256 = f.sha256 as same_hash
          from imported_files f join cases c on c.id = f.case_id join bodies b on b.id = c.body_id
          join documents d on d.id = f.document_id join attachments a on a.document_id = d.id where f.id = ${out.file.id}`,
    )) as unknown as { rows: Array<Record<string, unknown>> }).rows;
    expect(row).toMatchObject({ registry_number: '1.7.1-368/2016', name: 'Socialnämnden', kind: 'protocolExtract', same_hash: true });
    expect(row!.title).toContain('Protokollsutdrag § 13');
    // No date in the extract: the latest date it mentions, with a warning for the registrar.
    expect(row!.document_date).toBe('2016-08-30');
    expect(out.file.warnings.join(' ')).toContain('saknar datum');
  });

  it('records the decision of a protocol extract as a final meeting paragraph whose extract is the imported document', async () => {
    const [file] = ((await database.db.execute(sql`select case_id, document_id, records from imported_files where filename like '001_%'`)) as unknown as {
      rows: Array<{ case_id: string; document_id: string; records: Record<string, string> }>;
    }).rows;
    expect(file!.records.itemId).toBeTruthy();
    const [decision] = await listDecisionsForCases(database.db, [file!.case_id]);
    expect(decision).toMatchObject({ paragraph: 13, final: true, extractDocumentId: file!.document_id });
    expect(decision!.decisionPoints).toHaveLength(2);
    const liberal = decision!.reservations.find((r) => r.parties.includes('L'));
    expect(liberal!.members.map((m) => m.name)).toEqual(['Frida Johansson Metso', 'Inga-Lill Persson']);
    // One extract only: the imported one, not a second rendered copy.
    expect(await one(`select count(*)::int as n from documents where case_id = '${file!.case_id}'`)).toBe(1);
  });

  it('keeps the OCR original beside the repaired, searchable text', async () => {
    const file = '002_60c3910f374916ba.txt';
    const data = input(file);
    // Seed 002 gives no date; a registrar supplies one on the import screen.
    const out = await storeImportedFile(ctx, { ...data, parsed: { ...data.parsed, documentDate: '2016-09-01' } });
    expect(out.file.originalText).toContain('forvaltningens');
    const hits = await one(
      `select count(*)::int as n from documents where id = '${out.file.documentId}' and to_tsvector('swedish', body_text) @@ plainto_tsquery('swedish', 'förvaltningens nämnd')`,
    );
    expect(hits).toBe(1);
  });

  it('gathers answers to the same referral in one round: the extract answers, the statement drafts', async () => {
    const rows = ((await database.db.execute(
      sql`select r.subject, b.name as sender, rb.name as recipient, rr.status, rr.case_id = f.case_id as same_case
          from referrals r join bodies b on b.id = r.sender_body_id join referral_recipients rr on rr.referral_id = r.id
          join bodies rb on rb.id = rr.body_id join imported_files f on f.body_id = rr.body_id order by rb.name`,
    )) as unknown as { rows: Array<Record<string, unknown>> }).rows;
    expect(rows).toEqual([
      { subject: 'Strategi för Stockholm som smart och uppkopplad stad', sender: 'Kommunstyrelsen', recipient: 'Arbetsmarknadsnämnden', status: 'drafting', same_case: true },
      { subject: 'Strategi för Stockholm som smart och uppkopplad stad', sender: 'Kommunstyrelsen', recipient: 'Socialnämnden', status: 'answered', same_case: true },
    ]);
  });

  it('is idempotent: the same bytes again create nothing', async () => {
    const before = await one('select count(*)::int as n from documents');
    const again = await storeImportedFile(ctx, input('001_41b9deafe301b80b.txt'));
    expect(again.status).toBe('skipped');
    expect(await one('select count(*)::int as n from documents')).toBe(before);
  });

  it('is all or nothing: a failure after the case was registered leaves no case, document or file row', async () => {
    const cases = await one('select count(*)::int as n from cases');
    const data = input('000_605d7dfb49ed5342.txt');
    // The author name is too long for the document: refused after the body and case were made.
    await expect(storeImportedFile(ctx, { ...data, parsed: { ...data.parsed, administration: 'x'.repeat(300) } })).rejects.toThrow();
    expect(await one('select count(*)::int as n from cases')).toBe(cases);
    expect(await one("select count(*)::int as n from bodies where name ilike 'Hägersten%'")).toBe(0);
    expect(await one('select count(*)::int as n from imported_files where filename like \'000_%\'')).toBe(0);
  });

  it('refuses anonymous callers', async () => {
    await expect(storeImportedFile({ ...ctx, actor: anonymous }, input('003_f6378860e77b1f9e.txt'))).rejects.toThrow(/login required/);
  });
});
