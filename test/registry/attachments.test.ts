import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { addUser, buildTestApp, Client, type TestApp } from '../helpers/app.js';
import { attachments } from '../../src/modules/registry/schema.js';
import { insertBody, multipart } from './fixtures.js';

const MAX = 2000;
let t: TestApp;
let registrar: Client;
let bodyId: string;
let caseId: string;
let documentId: string;

beforeAll(async () => {
  t = await buildTestApp({ env: { STADSNAV_MAX_UPLOAD_BYTES: String(MAX) } });
  bodyId = await insertBody(t.database.db, { name: 'Kulturnämnden', pattern: '171-{seq}/{year}' });
  await addUser(t, 'reg', [{ role: 'registrar', bodyId }]);
  registrar = new Client(t.app);
  await registrar.login('reg');
  caseId = (await registrar.post('/api/cases', { bodyId, title: 'Remiss med bilagor' })).json().id;
  documentId = (await registrar.post(`/api/cases/${caseId}/documents`, { kind: 'referralLetter', direction: 'incoming', title: 'Remissbrev', documentDate: '2026-11-01' })).json().id;
});
afterAll(() => t.close());

const upload = (content: Buffer, filename = 'bilaga.pdf', mediaType = 'application/pdf') =>
  registrar.post(`/api/documents/${documentId}/attachments`, { filename, mediaType, content: content.toString('base64') });

describe('attachments', () => {
  it('stores the SHA-256, size and media type, and serves the file with its digest', async () => {
    const bytes = Buffer.from('%PDF-1.4 en liten bilaga åäö');
    const res = await upload(bytes, 'Bilaga 1 – Strategi "utkast".pdf');
    expect(res.statusCode, res.body).toBe(201);
    const hex = createHash('sha256').update(bytes).digest('hex');
    expect(res.json()).toMatchObject({ size: bytes.length, sha256: hex, mediaType: 'application/pdf', filename: 'Bilaga 1 – Strategi "utkast".pdf' });

    const file = await registrar.get(res.json().url);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(bytes)).toBe(true);
    const b64 = Buffer.from(hex, 'hex').toString('base64');
    expect(file.headers['repr-digest']).toBe(`sha-256=:${b64}:`);
    expect(file.headers.digest).toBe(`sha-256=${b64}`);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe(
      `inline; filename="Bilaga 1 - Strategi _utkast_.pdf"; filename*=UTF-8''Bilaga%201%20%E2%80%93%20Strategi%20%22utkast%22.pdf`,
    );
  });

  it('never serves active content as itself', async () => {
    const res = await upload(Buffer.from('<script>alert(1)</script>'), 'x.html', 'text/html');
    const file = await registrar.get(res.json().url);
    expect(file.headers['content-type']).toBe('application/octet-stream');
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('refuses to serve a file whose stored bytes were changed', async () => {
    const res = await upload(Buffer.from('originalet'), 'orig.txt', 'text/plain');
    const id = res.json().id as string;
    await t.database.db.execute(sql`update attachments set content = ${Buffer.from('förfalskat')} where id = ${id}`);
    const file = await registrar.get(`/api/attachments/${id}`);
    expect(file.statusCode).toBe(500);
    expect(file.json().error).toBe('attachment_corrupt');
    expect(file.json().message).toMatch(/kontrollsumma/);
    expect(file.body).not.toContain('förfalskat');
    // Same bytes but a different size recorded: refused too.
    await t.database.db.update(attachments).set({ content: Buffer.from('originalet'), size: 3 }).where(eq(attachments.id, id));
    expect((await registrar.get(`/api/attachments/${id}`)).statusCode).toBe(500);
  });

  it('refuses a file over STADSNAV_MAX_UPLOAD_BYTES with 422, and a far larger body with 413', async () => {
    const over = await upload(Buffer.alloc(MAX + 1, 1));
    expect(over.statusCode).toBe(422);
    expect(over.json().fields.content).toEqual(['Filen är större än den största tillåtna storleken för uppladdning.']);
    const exactly = await upload(Buffer.alloc(MAX, 1));
    expect(exactly.statusCode).toBe(201);
    const huge = await upload(Buffer.alloc(MAX * 100, 1));
    expect(huge.statusCode).toBe(413);
    const empty = await upload(Buffer.alloc(0));
    expect(empty.statusCode).toBe(422);
  });

  it('refuses bad names, types and base64', async () => {
    const path = await upload(Buffer.from('x'), '../etc/passwd');
    expect(path.statusCode).toBe(400);
    expect(path.json().fields['body.filename']).toEqual(['Filnamnet får inte innehålla snedstreck eller styrtecken.']);
    const type = await upload(Buffer.from('x'), 'ok.txt', 'not a type');
    expect(type.statusCode).toBe(400);
    expect(type.json().fields).toHaveProperty(['body.mediaType']);
    const bad = await registrar.post(`/api/documents/${documentId}/attachments`, { filename: 'a.txt', mediaType: 'text/plain', content: '***' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toHaveProperty(['body.content']);
  });

  it('takes a file with the page form (multipart, CSRF token in the form)', async () => {
    const before = (await registrar.get(`/api/cases/${caseId}`)).json().documents.length as number;
    const form = multipart(
      {
        _csrf: registrar.csrf,
        kind: 'statement',
        direction: 'internal',
        documentDate: '2026-11-20',
        title: 'Tjänsteutlåtande med fil',
        'classification.confidentiality': '0',
        'classification.integrity': '1',
        'classification.availability': '0',
      },
      { name: 'attachments', filename: 'utlåtande.txt', type: 'text/plain', content: Buffer.from('Utlåtandets text') },
    );
    const res = await registrar.request({
      method: 'POST',
      url: `/registry/cases/${caseId}/documents`,
      payload: form.payload,
      headers: { 'content-type': form.contentType, accept: 'text/html' },
      csrf: false,
    });
    expect(res.statusCode, res.body).toBe(303);
    const docId = res.headers.location!.split('/').pop()!;
    const doc = (await registrar.get(`/api/documents/${docId}`)).json();
    expect(doc).toMatchObject({ number: before + 1, title: 'Tjänsteutlåtande med fil', classification: { integrity: 1 } });
    expect(doc.attachments).toHaveLength(1);
    expect(doc.attachments[0]).toMatchObject({ filename: 'utlåtande.txt', size: Buffer.byteLength('Utlåtandets text') });
    expect((await registrar.get(doc.attachments[0].url)).body).toBe('Utlåtandets text');
  });

  it('refuses the multipart form without the CSRF token', async () => {
    const form = multipart({ kind: 'statement', documentDate: '2026-11-20', title: 'Utan token' });
    const res = await registrar.request({
      method: 'POST',
      url: `/registry/cases/${caseId}/documents`,
      payload: form.payload,
      headers: { 'content-type': form.contentType, accept: 'text/html' },
      csrf: false,
    });
    expect(res.statusCode).toBe(403);
  });

  it('re-renders the form with the file error and registers nothing when the file is too large', async () => {
    const before = (await registrar.get(`/api/cases/${caseId}`)).json().documents.length as number;
    const form = multipart(
      { _csrf: registrar.csrf, kind: 'statement', documentDate: '2026-11-20', title: 'För stor fil' },
      { name: 'attachments', filename: 'stor.bin', type: 'application/octet-stream', content: Buffer.alloc(MAX + 10, 7) },
    );
    const res = await registrar.request({
      method: 'POST',
      url: `/registry/cases/${caseId}/documents`,
      payload: form.payload,
      headers: { 'content-type': form.contentType, accept: 'text/html' },
      csrf: false,
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('error-summary');
    expect(res.body).toContain('href="#f-attachments"');
    expect(res.body).toContain('value="För stor fil"');
    expect((await registrar.get(`/api/cases/${caseId}`)).json().documents.length).toBe(before);
  });
});
