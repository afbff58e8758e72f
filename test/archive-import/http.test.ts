import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, Client, type TestApp } from '../helpers/app.js';

const seeds = path.resolve(import.meta.dirname, '../fixtures/archive/seeds');
const seed = (f: string) => readFileSync(path.join(seeds, f));
let t: TestApp;
let registrar: Client;

beforeAll(async () => {
  t = await buildTestApp();
  // City-wide registrar; the system creates bodies the documents name only for administrators.
  await addUser(t, 'reg', [{ role: 'registrar' }, { role: 'administrator' }]);
  registrar = new Client(t.app);
  await registrar.login('reg');
});
afterAll(() => t.close());

function upload(client: Client, url: string, fields: Record<string, string>, files: Array<{ filename: string; content: Buffer }> = []) {
  const boundary = '----stadsnavimport' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries({ _csrf: client.csrf, ...fields })) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.filename}"\r\nContent-Type: text/plain\r\n\r\n`), f.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return client.request({ method: 'POST', url, payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'text/html' }, csrf: false });
}

describe('import screen', () => {
  it('shows one uploaded file parsed beside its source text, saves it with corrections, and reports it', async () => {
    expect((await registrar.get('/import')).statusCode).toBe(200);
    const review = await upload(registrar, '/import/upload', {}, [{ filename: '002.txt', content: seed('002_60c3910f374916ba.txt') }]);
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain('Granska 002.txt');
    expect(review.body).toContain('förvaltningens'); // repaired text shown
    expect(review.body).toContain('Originaltext före OCR-rättning');
    const content = /name="content" value="([^"]+)"/.exec(review.body)![1]!;

    // Seed 002 has no date: saving without one is refused next to the field, nothing stored.
    const refused = await upload(registrar, '/import/save', { filename: '002.txt', content, kind: 'statement', body: 'Arbetsmarknadsnämnden' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Handlingen har inget datum');

    const saved = await upload(registrar, '/import/save', { filename: '002.txt', content, kind: 'statement', body: 'Arbetsmarknadsnämnden', documentDate: '2016-09-01', title: 'Strategi för Stockholm som smart och uppkopplad stad' });
    expect(saved.statusCode, saved.body).toBe(303);
    const report = await registrar.get(saved.headers.location!);
    expect(report.body).toContain('1 sparade, 0 redan importerade, 0 misslyckade av 1');
    const runId = saved.headers.location!.split('/').pop()!;
    const json = (await registrar.get(`/api/import/runs/${runId}`)).json();
    expect(json.files[0]).toMatchObject({ filename: '002.txt', kind: 'statement' });
    const doc = (await registrar.get(`/api/documents/${json.files[0].documentId}`)).json();
    expect(doc).toMatchObject({ kind: 'statement', documentDate: '2016-09-01' });
  });

  it('stores several files at once and lists the failures with the reason', async () => {
    const res = await upload(registrar, '/import/upload', {}, [
      { filename: '001.txt', content: seed('001_41b9deafe301b80b.txt') },
      { filename: '004.txt', content: seed('004_4df7957926e1cc26.txt') },
    ]);
    expect(res.statusCode).toBe(303);
    const report = await registrar.get(res.headers.location!);
    expect(report.body).toContain('1 sparade, 0 redan importerade, 1 misslyckade av 2');
    expect(report.body).toContain('Handlingen nämner ingen beslutande eller mottagande nämnd');
  });

  it('parses and stores through the JSON API, idempotently', async () => {
    const contentBase64 = seed('003_f6378860e77b1f9e.txt').toString('base64');
    const parsed = await registrar.post('/api/import/parse', { filename: '003.txt', contentBase64 });
    expect(parsed.statusCode).toBe(200);
    expect(parsed.json()).toMatchObject({ kind: 'statement', registryNumbers: ['171-908/2016'] });
    const first = await registrar.post('/api/import', { files: [{ filename: '003.txt', contentBase64 }] });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ stored: 1, skipped: 0 });
    const second = await registrar.post('/api/import', { files: [{ filename: '003-copy.txt', contentBase64 }] });
    expect(second.json()).toMatchObject({ stored: 0, skipped: 1 });
  });

  it('refuses bad input and other roles', async () => {
    expect((await upload(registrar, '/import/upload', {})).statusCode).toBe(422);
    expect((await registrar.post('/api/import', { files: [] })).statusCode).toBe(400);
    expect((await registrar.post('/api/import', { files: [{ filename: 'x.txt', contentBase64: 'aGVq', extra: 1 }] })).statusCode).toBe(400);
    expect((await registrar.get('/api/import/runs/not-a-uuid')).statusCode).toBe(400);
    const anonymous = new Client(t.app);
    expect((await anonymous.get('/api/import/runs/00000000-0000-4000-8000-000000000000')).statusCode).toBe(401);
    await addUser(t, 'member', [{ role: 'boardMember' }]);
    const member = new Client(t.app);
    await member.login('member');
    expect((await member.get('/import', { accept: 'text/html' })).statusCode).toBe(403);
  });
});
