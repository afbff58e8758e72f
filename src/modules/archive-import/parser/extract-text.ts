/**
 * extractText: the text of an uploaded file, or a reasoned refusal.
 *
 * - `.txt` / `.md` (and files without extension that are not PDFs): UTF-8 (with or without BOM),
 *   UTF-16 with BOM, else Windows-1252 (a superset of Latin-1 for text; å/ä/ö are the same bytes);
 *   CRLF/CR → LF; NUL bytes or many control characters → 'binary'.
 * - `.pdf`: the text layer via pdfjs-dist (legacy build, which runs in Node). Text items are grouped
 *   into lines by their baseline, ordered left to right, joined with a space where there is a gap;
 *   a larger vertical gap becomes a blank line, a page break a blank line. No text at all →
 *   'noTextLayer' (a scan that needs OCR).
 */
import { normalizeInput } from './text-utils.js';

export type ExtractTextErrorCode = 'empty' | 'binary' | 'noTextLayer' | 'tooLarge' | 'unsupported' | 'unreadable';

export interface ExtractTextError {
  code: ExtractTextErrorCode;
  /** English, for logs and the API */
  message: string;
  /** Swedish, for the user */
  messageSv: string;
}

export type ExtractTextResult = { text: string; encoding: string } | { error: ExtractTextError };

export interface ExtractTextOptions {
  /** refuse files larger than this (default 25 MiB) */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;

const MESSAGES: Record<ExtractTextErrorCode, { en: string; sv: string }> = {
  empty: { en: 'the file is empty', sv: 'filen är tom' },
  binary: { en: 'the file is not text (binary content)', sv: 'filen är inte text (binärt innehåll)' },
  noTextLayer: { en: 'no text layer — needs OCR', sv: 'inget textlager – dokumentet behöver OCR-tolkas' },
  tooLarge: { en: 'the file is too large', sv: 'filen är för stor' },
  unsupported: { en: 'unsupported file type', sv: 'filtypen stöds inte' },
  unreadable: { en: 'the file could not be read', sv: 'filen kunde inte läsas' },
};

function fail(code: ExtractTextErrorCode, detailEn?: string, detailSv?: string): { error: ExtractTextError } {
  const m = MESSAGES[code];
  return {
    error: {
      code,
      message: detailEn ? `${m.en}: ${detailEn}` : m.en,
      messageSv: detailSv ? `${m.sv}: ${detailSv}` : m.sv,
    },
  };
}

const TEXT_EXTENSIONS = new Set(['txt', 'text', 'md', 'markdown']);
const PDF_EXTENSIONS = new Set(['pdf']);

function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function isPdf(bytes: Uint8Array): boolean {
  // "%PDF-" within the first 1 KiB (some writers put junk before the header)
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 4 < head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

/** Decodes text bytes, detecting UTF-8 / UTF-16 (BOM) / Windows-1252. */
export function decodeTextBytes(bytes: Uint8Array): ExtractTextResult {
  if (bytes.length === 0) return fail('empty');
  let encoding: string;
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
    } catch {
      return fail('binary', 'invalid UTF-8 after a UTF-8 byte order mark', 'ogiltig UTF-8 efter UTF-8-markering');
    }
  } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    text = new TextDecoder(encoding).decode(bytes.subarray(2));
  } else {
    let nul = 0;
    for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) nul++;
    if (nul > 0) return fail('binary', 'contains NUL bytes', 'innehåller NUL-tecken');
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      encoding = 'utf-8';
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
      encoding = 'windows-1252';
    }
  }
  // control characters other than tab, LF, CR, FF (and U+FFFD) mark binary data
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || (c >= 0x80 && c < 0xa0) || c === 0xfffd) control++;
  }
  if (text.length > 0 && control / text.length > 0.02) {
    return fail('binary', 'too many control characters', 'för många styrtecken');
  }
  const normalized = normalizeInput(text);
  if (normalized.trim().length === 0) return fail('empty');
  return { text: normalized, encoding };
}

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

/** Joins the text items of one page into lines; a larger vertical gap gives a blank line. */
export function pageItemsToText(items: PdfTextItem[]): string {
  const pieces = items
    .filter((it) => typeof it.str === 'string' && Array.isArray(it.transform))
    .map((it) => ({
      str: it.str,
      x: it.transform[4] ?? 0,
      y: it.transform[5] ?? 0,
      w: it.width ?? 0,
      h: Math.abs(it.height || it.transform[3] || 10),
    }))
    .filter((p) => p.str.length > 0);
  if (pieces.length === 0) return '';
  pieces.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Array<{ y: number; h: number; parts: typeof pieces }> = [];
  for (const p of pieces) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - p.y) <= Math.max(2, Math.min(line.h, p.h) * 0.5)) line.parts.push(p);
    else lines.push({ y: p.y, h: p.h, parts: [p] });
  }
  const out: string[] = [];
  let prevY: number | null = null;
  let prevH = 0;
  for (const line of lines) {
    line.parts.sort((a, b) => a.x - b.x);
    let text = '';
    let end: number | null = null;
    for (const part of line.parts) {
      if (end !== null) {
        const gap = part.x - end;
        if (gap > part.h * 0.15 && !/\s$/.test(text) && !/^\s/.test(part.str)) text += gap > part.h * 3 ? '   ' : ' ';
      }
      text += part.str;
      end = part.x + part.w;
    }
    if (prevY !== null && prevY - line.y > Math.max(prevH, line.h) * 1.8) out.push('');
    out.push(text.replace(/[ \t]+$/, ''));
    prevY = line.y;
    prevH = line.h;
  }
  return out.join('\n');
}

async function extractPdf(bytes: Uint8Array): Promise<ExtractTextResult> {
  let pdfjs: PdfJs;
  try {
    pdfjs = await loadPdfJs();
  } catch (err) {
    return fail('unreadable', `PDF support unavailable (${err instanceof Error ? err.message : String(err)})`, 'PDF-stöd saknas');
  }
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']> | null = null;
  try {
    const task = pdfjs.getDocument({
      data: new Uint8Array(bytes), // pdf.js detaches the buffer it is given
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    });
    doc = await task.promise;
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(pageItemsToText(content.items as PdfTextItem[]));
      page.cleanup();
    }
    const text = normalizeInput(pages.join('\n\n'));
    if (text.trim().length === 0) return fail('noTextLayer');
    return { text, encoding: 'pdf' };
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    if (name === 'PasswordException') return fail('unreadable', 'the PDF is password-protected', 'PDF-filen är lösenordsskyddad');
    return fail('unreadable', `not a valid PDF (${err instanceof Error ? err.message : String(err)})`, 'ogiltig PDF-fil');
  } finally {
    if (doc) await doc.destroy().catch(() => undefined);
  }
}

/** The text of a `.txt`, `.md` or `.pdf` file, or an error with a code and messages in English and Swedish. */
export async function extractText(file: { name: string; bytes: Uint8Array }, opts: ExtractTextOptions = {}): Promise<ExtractTextResult> {
  try {
    const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    const bytes = file?.bytes;
    if (!(bytes instanceof Uint8Array)) return fail('unreadable', 'no file content', 'filinnehåll saknas');
    if (bytes.length > maxBytes) {
      return fail('tooLarge', `${bytes.length} bytes, the limit is ${maxBytes}`, `${bytes.length} byte, gränsen är ${maxBytes}`);
    }
    const ext = extensionOf(file.name ?? '');
    if (PDF_EXTENSIONS.has(ext) || (ext === '' && isPdf(bytes))) {
      if (bytes.length === 0) return fail('empty');
      return await extractPdf(bytes);
    }
    if (TEXT_EXTENSIONS.has(ext) || ext === '') return decodeTextBytes(bytes);
    return fail('unsupported', `".${ext}" (use .txt, .md or .pdf)`, `".${ext}" (använd .txt, .md eller .pdf)`);
  } catch (err) {
    return fail('unreadable', err instanceof Error ? err.message : String(err));
  }
}
