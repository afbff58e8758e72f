import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Invalid } from '../../core/errors.js';
import { extractText, parseDocument, toDryRunJson, type DryRunResult, type ExtractTextError, type ParseExtra } from './parser/index.js';

/** What a folder walk picks up; a file named explicitly is always tried (and reported if unsupported). */
export const IMPORTABLE_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown', '.pdf']);

/** Expand files and folders (recursively) into a sorted, de-duplicated list of files. */
export async function collectFiles(paths: string[]): Promise<string[]> {
  const found = new Set<string>();
  const missing: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && IMPORTABLE_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) found.add(full);
    }
  };
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info) missing.push(p);
    else if (info.isDirectory()) await walk(p);
    else found.add(p);
  }
  if (missing.length) {
    throw new Invalid({ paths: missing.map((p) => `Filen eller mappen finns inte (no such file or folder): ${p}`) }, 'missing paths');
  }
  return [...found].sort((a, b) => a.localeCompare(b, 'sv'));
}

export interface FileOutcome {
  file: string;
  result: DryRunResult;
  /** Present when the file was read: its bytes and the text before and after OCR repair. */
  source?: { bytes: Uint8Array; originalText: string; repairedText: string; extra: ParseExtra };
  /** Set when no text could be read: the file is reported, and nothing would be stored. */
  error?: ExtractTextError;
}

/** The contract object for a file whose text could not be read. */
export function unreadableResult(file: string, error: ExtractTextError): DryRunResult {
  return {
    file,
    kind: 'unknown',
    title: null,
    body: null,
    administration: null,
    registryNumbers: [],
    paragraph: null,
    meetingDate: null,
    documentDate: null,
    referral: null,
    proposedDecision: [],
    decision: [],
    proposals: [],
    procedure: null,
    reservations: [],
    signatories: [],
    attachments: [],
    warnings: [error.message],
  };
}

/** Read and parse one file. Never throws for bad content; I/O errors become an `unreadable` outcome. */
export async function parseFile(file: string, opts: { maxBytes: number }): Promise<FileOutcome> {
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (info.size > opts.maxBytes) {
      const error: ExtractTextError = {
        code: 'tooLarge',
        message: `file too large: ${info.size} bytes, the limit is ${opts.maxBytes}`,
        messageSv: `filen är för stor: ${info.size} byte, gränsen är ${opts.maxBytes}`,
      };
      return { file, result: unreadableResult(file, error), error };
    }
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    const error: ExtractTextError = { code: 'unreadable', message: `cannot read file: ${(e as Error).message}`, messageSv: 'filen går inte att läsa' };
    return { file, result: unreadableResult(file, error), error };
  }
  const extracted = await extractText({ name: file, bytes }, { maxBytes: opts.maxBytes });
  if ('error' in extracted) return { file, result: unreadableResult(file, extracted.error), error: extracted.error };
  const parsed = parseDocument({ file, text: extracted.text });
  return { file, result: toDryRunJson(parsed), source: { bytes, originalText: parsed.originalText, repairedText: parsed.text, extra: parsed.extra } };
}
