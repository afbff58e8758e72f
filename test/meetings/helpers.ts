import { bodies } from '../../src/modules/organisation/schema.js';
import type { Db } from '../../src/db/client.js';

/** The text layer of a PDF (pdf.js, as the archive importer reads PDFs), items joined by spaces. */
export async function pdfText(bytes: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const out: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    out.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  await doc.destroy();
  return out.join(' ');
}

/** A body inserted directly, with a registry pattern (the organisation's commands are not needed here). */
export async function insertBody(db: Db, name: string, pattern = '{seq}-{year}'): Promise<string> {
  const now = new Date('2026-01-01T00:00:00Z');
  const slug = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const [row] = await db
    .insert(bodies)
    .values({ slug, name, kind: 'districtBoard', registryPattern: pattern, createdAt: now, updatedAt: now })
    .returning({ id: bodies.id });
  return row!.id;
}
