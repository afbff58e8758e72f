import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/**
 * Read a CSV or XLSX file into a header and rows of cells. Pure apart from the parsers; no
 * database. Row numbers are the spreadsheet's (the header is row 1), so the report points at the
 * row a person sees in Excel or LibreOffice.
 */
export type Cell = string | number | Date | null;
export interface Table {
  format: 'csv' | 'xlsx';
  header: string[];
  rows: Array<{ row: number; cells: Cell[] }>;
}

export class UnreadableFile extends Error {
  constructor(readonly reason: 'format' | 'empty' | 'tooManyRows' | 'csv' | 'xlsx') {
    super(`unreadable file: ${reason}`);
  }
}

export const MAX_ROWS = 1000;

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export function detectFormat(filename: string, content: Buffer): 'csv' | 'xlsx' | null {
  const lower = filename.toLowerCase();
  if (content.subarray(0, 4).equals(XLSX_MAGIC)) return lower.endsWith('.csv') || lower.endsWith('.txt') ? null : 'xlsx';
  if (lower.endsWith('.xlsx')) return null;
  if (lower.endsWith('.csv') || lower.endsWith('.txt') || !lower.includes('.')) return 'csv';
  return null;
}

/** UTF-8 (with or without BOM); files saved by older Excel in Windows-1252 are read as that. */
function decode(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(content);
  }
}

/** Swedish Excel writes ";"; others ",". The header line decides (tabs too). */
function delimiterOf(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [';', ',', '\t'].map((d) => [d, first.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![1] > 0 ? counts[0]![0] : ',';
}

const blank = (cells: Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

export function readCsv(content: Buffer): Table {
  const text = decode(content);
  let records: string[][];
  try {
    records = parse(text, { delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: false, bom: true, trim: false }) as string[][];
  } catch {
    throw new UnreadableFile('csv');
  }
  const [header, ...data] = records;
  if (!header || header.every((h) => !h.trim())) throw new UnreadableFile('empty');
  const rows = data.map((cells, i) => ({ row: i + 2, cells: cells as Cell[] })).filter((r) => !blank(r.cells));
  if (rows.length > MAX_ROWS) throw new UnreadableFile('tooManyRows');
  return { format: 'csv', header: header.map((h) => h.trim()), rows };
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellValue((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('error' in v) return null;
  }
  return String(v);
}

export async function readXlsx(content: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch {
    throw new UnreadableFile('xlsx');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw new UnreadableFile('empty');
  if (sheet.rowCount > MAX_ROWS + 1) {
    // rowCount counts formatted but empty rows too: count only those with content.
    let n = 0;
    sheet.eachRow(() => void n++);
    if (n > MAX_ROWS + 1) throw new UnreadableFile('tooManyRows');
  }
  const width = sheet.getRow(1).cellCount;
  const header: string[] = [];
  for (let c = 1; c <= width; c++) header.push(String(cellValue(sheet.getRow(1).getCell(c).value) ?? '').trim());
  if (header.every((h) => !h)) throw new UnreadableFile('empty');
  const rows: Table['rows'] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c).value));
    if (!blank(cells)) rows.push({ row: number, cells });
  });
  return { format: 'xlsx', header, rows };
}

export async function readTable(filename: string, content: Buffer): Promise<Table> {
  const format = detectFormat(filename, content);
  if (format === null) throw new UnreadableFile('format');
  if (content.length === 0) throw new UnreadableFile('empty');
  return format === 'xlsx' ? readXlsx(content) : readCsv(content);
}
