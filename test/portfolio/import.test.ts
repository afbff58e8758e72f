import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { portfolioSetup, type PortfolioSetup } from './fixtures.js';

let t: TestApp;
let s: PortfolioSetup;
beforeAll(async () => {
  t = await buildTestApp();
  s = await portfolioSetup(t);
});
afterAll(() => t.close());

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');
const GOOD = [
  'Titel;Typ;Ägare;Status;Kostnad per år (kr);Kostnadsbärare;Fördelningsnyckel;Mål;Beroende av',
  'Öppen dataplattform;förutsättningsprojekt;Kommunstyrelsen;föreslaget;4 000 000;delad;lika delar;Högsta livskvaliteten för stockholmarna;',
  'Digitala bibliotekstjänster;verksamhetsprojekt;Kulturnämnden;föreslaget;1,5 mnkr;ägare;;;Öppen dataplattform',
].join('\r\n');

describe('importing projects', () => {
  it('refuses rows the importer may not submit, and stores nothing (all or nothing)', async () => {
    const res = await s.clients.officer.post('/api/projects/import', { filename: 'kartlaggning.csv', contentBase64: b64(GOOD) });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.message).toBe('Ingenting har sparats: 1 fel i filen.');
    expect(body.report.errors).toEqual([
      { row: 2, column: 'Ägare', message: 'Du får inte lämna in projekt för den nämnden.', code: 'portfolio.import.notAllowed', value: 'Kommunstyrelsen' },
    ]);
    expect((await s.clients.anon.get('/api/projects')).json().total).toBe(0);
  });

  it('checks a file without storing it (dry run), then stores every row in one go', async () => {
    const dry = await s.clients.admin.post('/api/projects/import', { filename: 'kartlaggning.csv', contentBase64: b64(GOOD), dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ format: 'csv', rows: 2, stored: false, dryRun: true, created: [], errors: [] });
    expect((await s.clients.anon.get('/api/projects')).json().total).toBe(0);

    const res = await s.clients.admin.post('/api/projects/import', { filename: 'kartlaggning.csv', contentBase64: b64(GOOD) });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json().created as Array<{ row: number; id: string; title: string }>;
    expect(created.map((c) => [c.row, c.title])).toEqual([
      [2, 'Öppen dataplattform'],
      [3, 'Digitala bibliotekstjänster'],
    ]);
    const library = (await s.clients.anon.get(`/api/projects/${created[1]!.id}`)).json();
    expect(library).toMatchObject({ ownerBodyName: 'Kulturnämnden', estimatedCostPerYear: 1_500_000, submittedBy: 'admin' });
    expect(library.dependsOn.map((d: { title: string }) => d.title)).toEqual(['Öppen dataplattform']);
    const platform = (await s.clients.anon.get(`/api/projects/${created[0]!.id}`)).json();
    expect(platform).toMatchObject({ kind: 'enabling', costBearing: 'shared', costKey: 'lika delar', strategyId: s.strategyId });

    // The same file again: every title exists for its owner, nothing is duplicated.
    const again = await s.clients.admin.post('/api/projects/import', { filename: 'kartlaggning.csv', contentBase64: b64(GOOD) });
    expect(again.statusCode).toBe(422);
    expect(again.json().report.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [2, 'portfolio.import.exists'],
      [3, 'portfolio.import.exists'],
    ]);
  });

  it('imports XLSX files, referring to projects already in Stadsnav', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Projekt');
    sheet.addRow(['Title', 'Kind', 'Owner', 'Cost per year (SEK)', 'Depends on', 'Start date']);
    sheet.addRow(['Sensornätverk', 'operational', 'Kommunstyrelsen', 2_000_000, 'Öppen dataplattform', new Date(Date.UTC(2027, 2, 1))]);
    const content = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await s.clients.registrar.post('/api/projects/import?lang=en', { filename: 'projekt.xlsx', contentBase64: b64(content) });
    expect(res.statusCode, res.body).toBe(201);
    const sensors = (await s.clients.anon.get(`/api/projects/${res.json().created[0].id}`)).json();
    expect(sensors).toMatchObject({ title: 'Sensornätverk', startDate: '2027-03-01', estimatedCostPerYear: 2_000_000 });
    expect(sensors.dependsOn.map((d: { title: string }) => d.title)).toEqual(['Öppen dataplattform']);
  });

  it('answers unreadable files with 422 and anonymous importers with 401', async () => {
    const pdf = await s.clients.admin.post('/api/projects/import', { filename: 'projekt.pdf', contentBase64: b64('%PDF-1.4') });
    expect(pdf.statusCode).toBe(422);
    expect(pdf.json().fields).toEqual({ file: ['Filen är varken CSV eller XLSX.'] });
    const header = await s.clients.admin.post('/api/projects/import', { filename: 'projekt.csv', contentBase64: b64('Namn;Kommentar\nA;B') });
    expect(header.statusCode).toBe(422);
    expect(header.json().report.errors.map((e: { column: string }) => e.column)).toEqual(['Typ', 'Ägare']);
    expect((await s.clients.anon.post('/api/projects/import', { filename: 'a.csv', contentBase64: b64(GOOD) })).statusCode).toBe(401);
    expect((await s.clients.member.post('/api/projects/import', { filename: 'a.csv', contentBase64: b64(GOOD) })).statusCode).toBe(403);
  });

  it('has a page with templates and an upload form that shows the report', async () => {
    const page = await s.clients.officer.get('/projects/import', { accept: 'text/html' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Allt eller inget');
    const csv = await s.clients.anon.get('/projects/import/template.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Titel;Typ;Ägare;Status');
    const xlsx = await s.clients.anon.get('/projects/import/template.xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const upload = async (filename: string, content: string) => {
      await s.clients.officer.refreshCsrf();
      const boundary = '----stadsnav';
      const body = [
        `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${s.clients.officer.csrf}\r\n`,
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n`,
        `--${boundary}--\r\n`,
      ].join('');
      return s.clients.officer.request({ method: 'POST', url: '/projects/import', payload: Buffer.from(body), headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'text/html' }, csrf: false });
    };
    const bad = await upload('fel.csv', 'Titel;Typ;Ägare\nBiblioteksappen;app;Kulturnämnden\n');
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Ingenting har sparats: 1 fel i filen.');
    expect(bad.body).toContain('Okänd typ. Skriv verksamhetsprojekt eller förutsättningsprojekt.');
    const ok = await upload('bra.csv', 'Titel;Typ;Ägare\nBiblioteksappen;verksamhetsprojekt;Kulturnämnden\n');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.body).toContain('1 projekt har importerats från 1 rader.');
  });
});
