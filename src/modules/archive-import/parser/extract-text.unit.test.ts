import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { extractText } from './index.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('extractText for text files', () => {
  it('reads UTF-8', async () => {
    expect(await extractText({ name: 'a.txt', bytes: enc('Nämndens beslut: å ä ö') })).toEqual({ text: 'Nämndens beslut: å ä ö', encoding: 'utf-8' });
  });

  it('converts Windows-1252 bytes with å, ä, ö', async () => {
    // "Förslag till beslut – så här" in Windows-1252
    const bytes = new Uint8Array([0x46, 0xf6, 0x72, 0x73, 0x6c, 0x61, 0x67, 0x20, 0x74, 0x69, 0x6c, 0x6c, 0x20, 0x62, 0x65, 0x73, 0x6c, 0x75, 0x74, 0x20, 0x96, 0x20, 0x73, 0xe5, 0x20, 0x68, 0xe4, 0x72]);
    expect(await extractText({ name: 'b.TXT', bytes })).toEqual({ text: 'Förslag till beslut – så här', encoding: 'windows-1252' });
  });

  it('strips a UTF-8 byte order mark and normalises CRLF and CR', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Beslut\r\nNämnden godkänner.\rSlut')]);
    expect(await extractText({ name: 'c.md', bytes })).toEqual({ text: 'Beslut\nNämnden godkänner.\nSlut', encoding: 'utf-8' });
  });

  it('reads UTF-16 with a byte order mark', async () => {
    const s = 'Ärendet';
    const bytes = new Uint8Array(2 + s.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < s.length; i++) bytes[2 + i * 2] = s.charCodeAt(i);
    expect(await extractText({ name: 'u.txt', bytes })).toEqual({ text: 'Ärendet', encoding: 'utf-16le' });
  });

  it('refuses empty and whitespace-only files', async () => {
    expect(await extractText({ name: 'e.txt', bytes: new Uint8Array() })).toMatchObject({ error: { code: 'empty' } });
    expect(await extractText({ name: 'e.txt', bytes: enc(' \r\n\t\n ') })).toMatchObject({ error: { code: 'empty' } });
  });

  it('refuses binary garbage', async () => {
    const nul = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]);
    const r1 = await extractText({ name: 'x.txt', bytes: nul });
    expect(r1).toMatchObject({ error: { code: 'binary' } });
    let seed = 7;
    const random = new Uint8Array(4096).map(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return 1 + (seed % 255);
    });
    const r2 = await extractText({ name: 'x.txt', bytes: random });
    expect(r2).toMatchObject({ error: { code: 'binary' } });
  });

  it('refuses files over maxBytes', async () => {
    const r = await extractText({ name: 'big.txt', bytes: enc('x'.repeat(2000)) }, { maxBytes: 1000 });
    expect(r).toMatchObject({ error: { code: 'tooLarge' } });
  });

  it('refuses unsupported types, with English and Swedish messages', async () => {
    const r = await extractText({ name: 'a.docx', bytes: enc('PK') });
    expect(r).toEqual({
      error: {
        code: 'unsupported',
        message: 'unsupported file type: ".docx" (use .txt, .md or .pdf)',
        messageSv: 'filtypen stöds inte: ".docx" (använd .txt, .md eller .pdf)',
      },
    });
  });
});

describe('extractText for PDF files', () => {
  it('extracts the text layer, Swedish letters included', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica); // WinAnsi covers å ä ö
    const page = doc.addPage([595, 842]);
    const lines = ['§ 7', 'Kulturnämndens beslut', 'Kulturnämnden godkänner förvaltningens förslag och', 'överlämnar ärendet till kommunstyrelsen.', '', 'Reservation', 'Åsa Öberg (M) reserverade sig.'];
    let y = 780;
    for (const line of lines) {
      if (line) page.drawText(line, { x: 56, y, size: 11, font });
      y -= line ? 14 : 22;
    }
    page.drawText('Dnr 1.5.1-12/2019', { x: 400, y: 800, size: 11, font });
    const second = doc.addPage([595, 842]);
    second.drawText('Bilagor', { x: 56, y: 780, size: 11, font });
    const result = await extractText({ name: 'protokoll.pdf', bytes: await doc.save() });
    if ('error' in result) throw new Error(result.error.message);
    expect(result.encoding).toBe('pdf');
    expect(result.text).toContain('Kulturnämnden godkänner förvaltningens förslag och\növerlämnar ärendet till kommunstyrelsen.');
    expect(result.text).toContain('Åsa Öberg (M) reserverade sig.');
    expect(result.text).toContain('Dnr 1.5.1-12/2019');
    expect(result.text).toMatch(/reserverade sig\.\n\nBilagor$/);
  }, 60_000);

  it('says a PDF without text needs OCR', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([200, 200]).drawRectangle({ x: 20, y: 20, width: 100, height: 60, color: rgb(0.2, 0.4, 0.8) });
    const result = await extractText({ name: 'scan.pdf', bytes: await doc.save() });
    expect(result).toEqual({
      error: { code: 'noTextLayer', message: 'no text layer — needs OCR', messageSv: 'inget textlager – dokumentet behöver OCR-tolkas' },
    });
  }, 60_000);

  it('says a broken PDF is unreadable', async () => {
    const result = await extractText({ name: 'broken.pdf', bytes: enc('%PDF-1.7\nnot really') });
    expect(result).toMatchObject({ error: { code: 'unreadable' } });
  }, 60_000);
});
