import PDFDocument from 'pdfkit';

/**
 * Printable documents (protocol extracts, compilations) as PDF with pdfkit: pure JavaScript, so
 * it runs wherever the app runs. The built-in Helvetica covers Swedish letters (WinAnsi). The file
 * is tagged with its title and language for screen readers; the layout is deliberately plain.
 */
export type PdfBlock =
  | { kind: 'heading'; text: string; level?: 1 | 2 | 3 }
  | { kind: 'paragraph'; text: string }
  /** Numbered points ("1. …"); a single point is printed without a number, as in minutes. */
  | { kind: 'points'; items: string[] }
  | { kind: 'list'; items: string[] }
  | { kind: 'meta'; rows: Array<[string, string]> }
  | { kind: 'table'; header: string[]; rows: string[][]; widths?: number[] };

export interface PdfSpec {
  title: string;
  lang: 'sv' | 'en';
  author?: string;
  subject?: string;
  blocks: PdfBlock[];
  /** Printed at the foot of every page, e.g. "Hägersten-Liljeholmens stadsdelsnämnd – protokollsutdrag". */
  footer?: string;
}

const SIZES = { 1: 18, 2: 14, 3: 12 } as const;

export function renderPdf(spec: PdfSpec): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 64, right: 64 },
    bufferPages: true,
    tagged: true,
    lang: spec.lang === 'sv' ? 'sv-SE' : 'en-GB',
    displayTitle: true,
    info: { Title: spec.title, Author: spec.author ?? 'Stadsnav', Subject: spec.subject ?? spec.title, Creator: 'Stadsnav' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  for (const block of spec.blocks) {
    switch (block.kind) {
      case 'heading':
        doc.moveDown(block.level === 1 ? 0 : 0.6);
        doc.font('Helvetica-Bold').fontSize(SIZES[block.level ?? 2]).text(block.text, { width });
        doc.moveDown(0.3);
        break;
      case 'paragraph':
        for (const para of block.text.split(/\n\s*\n/)) {
          doc.font('Helvetica').fontSize(11).text(para.replace(/\s*\n\s*/g, ' ').trim(), { width, align: 'left' });
          doc.moveDown(0.5);
        }
        break;
      case 'points':
        block.items.forEach((item, i) => {
          const label = block.items.length > 1 ? `${i + 1}. ` : '';
          doc.font('Helvetica').fontSize(11).text(`${label}${item}`, { width, indent: 0 });
          doc.moveDown(0.3);
        });
        doc.moveDown(0.3);
        break;
      case 'list':
        for (const item of block.items) {
          doc.font('Helvetica').fontSize(11).text(`• ${item}`, { width });
        }
        doc.moveDown(0.5);
        break;
      case 'meta':
        for (const [label, value] of block.rows) {
          doc.font('Helvetica-Bold').fontSize(10).text(`${label}: `, { continued: true, width });
          doc.font('Helvetica').text(value);
        }
        doc.moveDown(0.5);
        break;
      case 'table': {
        const cols = block.header.length;
        const widths = block.widths ?? Array.from({ length: cols }, () => width / cols);
        const row = (cells: string[], bold: boolean) => {
          const top = doc.y;
          let x = doc.page.margins.left;
          let bottom = top;
          cells.forEach((cell, i) => {
            doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9).text(cell, x, top, { width: widths[i]! - 6 });
            bottom = Math.max(bottom, doc.y);
            x += widths[i]!;
          });
          doc.x = doc.page.margins.left;
          doc.y = bottom + 4;
          if (doc.y > doc.page.height - doc.page.margins.bottom - 40) doc.addPage();
        };
        row(block.header, true);
        for (const r of block.rows) row(r, false);
        doc.moveDown(0.5);
        break;
      }
    }
  }

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const footer = `${spec.footer ?? spec.title}  ·  ${i + 1} (${range.count})`;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the bottom margin must not add a page
    doc.font('Helvetica').fontSize(8).fillColor('#444').text(footer, doc.page.margins.left, doc.page.height - 40, { width, align: 'center', lineBreak: false });
    doc.fillColor('black');
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
