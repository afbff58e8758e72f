import { createProjectInput, type CreateProjectData } from '../commands/inputs.js';
import { crossFieldErrors } from '../commands/shared.js';
import { dependencyOrder } from '../graph.js';
import type { ProjectKind, ProjectStatus } from '../schema.js';
import type { Cell, Table } from './read.js';

/**
 * The import's columns and the validation of each row (pure: the lookups are passed in).
 *
 * Policy: all or nothing. A file is stored only when every row is valid; otherwise nothing is
 * stored and the report lists every problem by row, column and message, so the file can be fixed
 * and imported again. Projects refer to each other by title (dependencies, parent), either to
 * projects already in Stadsnav or to rows of the same file; a title that already exists for the
 * same owner is refused, so importing a file twice never duplicates projects.
 */
export const COLUMNS = [
  { key: 'title', sv: 'Titel', en: 'Title', required: true },
  { key: 'kind', sv: 'Typ', en: 'Kind', required: true },
  { key: 'owner', sv: 'Ägare', en: 'Owner', required: true },
  { key: 'status', sv: 'Status', en: 'Status', required: false },
  { key: 'description', sv: 'Beskrivning', en: 'Description', required: false },
  { key: 'cost', sv: 'Kostnad per år (kr)', en: 'Cost per year (SEK)', required: false },
  { key: 'costBearing', sv: 'Kostnadsbärare', en: 'Cost bearing', required: false },
  { key: 'costKey', sv: 'Fördelningsnyckel', en: 'Cost key', required: false },
  { key: 'benefits', sv: 'Nytta', en: 'Benefits', required: false },
  { key: 'risks', sv: 'Risker', en: 'Risks', required: false },
  { key: 'startDate', sv: 'Start', en: 'Start date', required: false },
  { key: 'endDate', sv: 'Slut', en: 'End date', required: false },
  { key: 'goals', sv: 'Mål', en: 'Goals', required: false },
  { key: 'dependsOn', sv: 'Beroende av', en: 'Depends on', required: false },
  { key: 'parent', sv: 'Huvudprojekt', en: 'Parent project', required: false },
  { key: 'weight', sv: 'Vikt', en: 'Weight', required: false },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]['key'];

/** Accepted spellings besides the Swedish and English headers (and the API field names). */
const ALIASES: Record<string, ColumnKey> = {
  namn: 'title',
  projekt: 'title',
  projektnamn: 'title',
  projekttyp: 'kind',
  agare: 'owner',
  projektagare: 'owner',
  namnd: 'owner',
  ownerbody: 'owner',
  kostnad: 'cost',
  kostnadperar: 'cost',
  estimatedcostperyear: 'cost',
  nyttor: 'benefits',
  risk: 'risks',
  startdatum: 'startDate',
  slutdatum: 'endDate',
  malsomprojektettjanar: 'goals',
  beroenden: 'dependsOn',
  beroendeav: 'dependsOn',
  dependencies: 'dependsOn',
  parentproject: 'parent',
};

export const normaliseHeader = (h: string) =>
  h
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\(.*?\)/g, '')
    .replace(/[^a-z0-9]/g, '');

const HEADER_INDEX = new Map<string, ColumnKey>([
  ...COLUMNS.flatMap((c) => [normaliseHeader(c.sv), normaliseHeader(c.en), normaliseHeader(c.key)].map((h) => [h, c.key] as [string, ColumnKey])),
  ...Object.entries(ALIASES),
]);

const KINDS: Record<string, ProjectKind> = {
  verksamhetsprojekt: 'operational',
  operational: 'operational',
  verksamhet: 'operational',
  forutsattningsprojekt: 'enabling',
  enabling: 'enabling',
  forutsattning: 'enabling',
};
const STATUSES: Record<string, ProjectStatus> = {
  foreslaget: 'proposed',
  foreslagen: 'proposed',
  mojligt: 'proposed',
  mojligtprojekt: 'proposed',
  proposed: 'proposed',
  pagaende: 'ongoing',
  pagar: 'ongoing',
  ongoing: 'ongoing',
  pausat: 'paused',
  pausad: 'paused',
  vilande: 'paused',
  paused: 'paused',
  avslutat: 'completed',
  klart: 'completed',
  completed: 'completed',
  avbrutet: 'cancelled',
  cancelled: 'cancelled',
  canceled: 'cancelled',
};
const BEARINGS: Record<string, 'owner' | 'shared'> = {
  agare: 'owner',
  agaren: 'owner',
  verksamheten: 'owner',
  verksamhetsomradet: 'owner',
  owner: 'owner',
  delad: 'shared',
  delat: 'shared',
  gemensam: 'shared',
  gemensamt: 'shared',
  shared: 'shared',
};

export interface ImportIssue {
  /** Spreadsheet row (header = 1); 1 for problems with the header. */
  row: number;
  /** The column's header as written in the file (or the expected header when it is missing). */
  column: string;
  /** i18n key. */
  message: string;
  /** The offending value, when there is one. */
  value?: string;
}

export interface Lookups {
  /** By lower-case name, short name or slug. */
  bodies: ReadonlyMap<string, { id: string; name: string }>;
  /** Bodies the importer may submit for. */
  mayWriteFor: (bodyId: string) => boolean;
  /** Goals by lower-case title (several when titles repeat across strategies). */
  goals: ReadonlyMap<string, Array<{ id: string; strategyId: string }>>;
  /** Existing projects by lower-case title. */
  projects: ReadonlyMap<string, Array<{ id: string; ownerBodyId: string }>>;
}

export interface PlannedRow {
  row: number;
  /** The command's input; dependsOn/parent by title are resolved when the rows are stored. */
  input: CreateProjectData;
  dependsOnTitles: string[];
  parentTitle: string | null;
}

export interface ImportPlan {
  rows: PlannedRow[];
  /** Rows in an order where every row comes after the rows it refers to. */
  order: number[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

const text = (c: Cell | undefined): string => {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).trim();
};
const key = (s: string) => normaliseHeader(s);
const list = (c: Cell | undefined) =>
  text(c)
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** "1 200 000", "1200000 kr", "1,5 mnkr" are all amounts; returns null when not a number. */
export function parseAmount(c: Cell | undefined): number | null {
  if (typeof c === 'number') return Number.isFinite(c) ? c : null;
  let s = text(c).toLowerCase().replace(/[\s\u00a0\u202f]/g, '');
  let factor = 1;
  if (/(mnkr|msek|mkr)$/.test(s)) factor = 1_000_000;
  else if (/(tkr|ksek)$/.test(s)) factor = 1000;
  s = s.replace(/(mnkr|msek|mkr|tkr|ksek|kr|sek|:-)$/, '');
  if (/^\d+,\d+$/.test(s)) s = s.replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  return Math.round(Number(s) * factor * 100) / 100;
}

/** ISO dates, Excel dates, and "2017-6-14". */
export function parseDate(c: Cell | undefined): string | null {
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? null : c.toISOString().slice(0, 10);
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text(c));
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

/** Map the file's header to columns: unknown columns are ignored with a warning; missing required ones are errors. */
export function mapHeader(header: readonly string[]): { index: Map<ColumnKey, number>; errors: ImportIssue[]; warnings: ImportIssue[] } {
  const index = new Map<ColumnKey, number>();
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  header.forEach((h, i) => {
    if (!h) return;
    const k = HEADER_INDEX.get(normaliseHeader(h));
    if (!k) warnings.push({ row: 1, column: h, message: 'portfolio.import.unknownColumn' });
    else if (index.has(k)) errors.push({ row: 1, column: h, message: 'portfolio.import.duplicateColumn' });
    else index.set(k, i);
  });
  for (const c of COLUMNS) if (c.required && !index.has(c.key)) errors.push({ row: 1, column: c.sv, message: 'portfolio.import.missingColumn' });
  return { index, errors, warnings };
}

/** Validate every row of the table against the lookups. */
export function planImport(table: Table, lookups: Lookups): ImportPlan {
  const { index, errors, warnings } = mapHeader(table.header);
  if (errors.length) return { rows: [], order: [], errors, warnings };
  const columnName = (k: ColumnKey) => table.header[index.get(k)!] ?? COLUMNS.find((c) => c.key === k)!.sv;
  const cell = (cells: Cell[], k: ColumnKey): Cell | undefined => (index.has(k) ? cells[index.get(k)!] : undefined);

  const rows: PlannedRow[] = [];
  const fileTitles = new Map<string, number[]>();
  for (const r of table.rows) {
    const t = text(cell(r.cells, 'title')).toLowerCase();
    if (t) fileTitles.set(t, [...(fileTitles.get(t) ?? []), r.row]);
  }

  for (const r of table.rows) {
    const issue = (k: ColumnKey, message: string, value?: string) => errors.push({ row: r.row, column: columnName(k), message, ...(value ? { value } : {}) });
    const title = text(cell(r.cells, 'title'));
    if (!title) issue('title', 'portfolio.import.required');
    else if ((fileTitles.get(title.toLowerCase()) ?? []).length > 1) issue('title', 'portfolio.import.duplicateTitle', title);

    const kindText = text(cell(r.cells, 'kind'));
    const kind = KINDS[key(kindText)];
    if (!kindText) issue('kind', 'portfolio.import.required');
    else if (!kind) issue('kind', 'portfolio.import.kind', kindText);

    const statusText = text(cell(r.cells, 'status'));
    const status = statusText ? STATUSES[key(statusText)] : 'proposed';
    if (!status) issue('status', 'portfolio.import.status', statusText);

    const ownerText = text(cell(r.cells, 'owner'));
    const body = ownerText ? lookups.bodies.get(ownerText.toLowerCase()) : undefined;
    if (!ownerText) issue('owner', 'portfolio.import.required');
    else if (!body) issue('owner', 'portfolio.import.unknownBody', ownerText);
    else if (!lookups.mayWriteFor(body.id)) issue('owner', 'portfolio.import.notAllowed', body.name);
    if (body && title && (lookups.projects.get(title.toLowerCase()) ?? []).some((p) => p.ownerBodyId === body.id)) issue('title', 'portfolio.import.exists', title);

    const costCell = cell(r.cells, 'cost');
    const cost = text(costCell) ? parseAmount(costCell) : null;
    if (text(costCell) && cost === null) issue('cost', 'portfolio.import.amount', text(costCell));

    const bearingText = text(cell(r.cells, 'costBearing'));
    const costBearing = bearingText ? BEARINGS[key(bearingText)] : 'owner';
    if (!costBearing) issue('costBearing', 'portfolio.import.costBearing', bearingText);
    const costKey = text(cell(r.cells, 'costKey')) || null;

    const dates: Partial<Record<'startDate' | 'endDate', string | null>> = {};
    for (const k of ['startDate', 'endDate'] as const) {
      const c = cell(r.cells, k);
      dates[k] = text(c) ? parseDate(c) : null;
      if (text(c) && dates[k] === null) issue(k, 'portfolio.import.date', text(c));
    }

    const weightCell = cell(r.cells, 'weight');
    const weight = text(weightCell) ? parseAmount(weightCell) : 1;
    if (weight === null) issue('weight', 'portfolio.import.number', text(weightCell));

    const goalIds: string[] = [];
    for (const g of list(cell(r.cells, 'goals'))) {
      const found = lookups.goals.get(g.toLowerCase()) ?? [];
      if (found.length === 0) issue('goals', 'portfolio.import.unknownGoal', g);
      else if (found.length > 1) issue('goals', 'portfolio.import.ambiguousGoal', g);
      else goalIds.push(found[0]!.id);
    }
    const resolvable = (t: string) => fileTitles.has(t.toLowerCase()) || (lookups.projects.get(t.toLowerCase()) ?? []).length === 1;
    const ambiguous = (t: string) => !fileTitles.has(t.toLowerCase()) && (lookups.projects.get(t.toLowerCase()) ?? []).length > 1;
    const dependsOnTitles = list(cell(r.cells, 'dependsOn'));
    for (const d of dependsOnTitles) {
      if (title && d.toLowerCase() === title.toLowerCase()) issue('dependsOn', 'portfolio.dependency.self', d);
      else if (ambiguous(d)) issue('dependsOn', 'portfolio.import.ambiguousProject', d);
      else if (!resolvable(d)) issue('dependsOn', 'portfolio.import.unknownProject', d);
    }
    const parentTitle = text(cell(r.cells, 'parent')) || null;
    if (parentTitle) {
      if (title && parentTitle.toLowerCase() === title.toLowerCase()) issue('parent', 'portfolio.parent.cycle', parentTitle);
      else if (ambiguous(parentTitle)) issue('parent', 'portfolio.import.ambiguousProject', parentTitle);
      else if (!resolvable(parentTitle)) issue('parent', 'portfolio.import.unknownProject', parentTitle);
    }

    const candidate = {
      title,
      kind: kind ?? 'operational',
      ownerBodyId: body?.id ?? '00000000-0000-4000-8000-000000000000',
      status: status ?? 'proposed',
      description: text(cell(r.cells, 'description')),
      estimatedCostPerYear: cost,
      costBearing: costBearing ?? 'owner',
      costKey,
      benefits: text(cell(r.cells, 'benefits')),
      risks: text(cell(r.cells, 'risks')),
      startDate: dates.startDate ?? null,
      endDate: dates.endDate ?? null,
      weight: weight ?? 1,
      goalIds,
    };
    // The command's own limits (lengths, ranges) and cross-field rules, reported by column.
    const parsed = createProjectInput.safeParse(candidate);
    const FIELD_COLUMN: Record<string, ColumnKey> = {
      title: 'title',
      description: 'description',
      estimatedCostPerYear: 'cost',
      costKey: 'costKey',
      benefits: 'benefits',
      risks: 'risks',
      weight: 'weight',
      startDate: 'startDate',
      endDate: 'endDate',
    };
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const col = FIELD_COLUMN[String(i.path[0])];
        // Empty and unknown values are reported above already.
        if (col && !(col === 'title' && !title)) issue(col, i.code === 'too_big' ? 'portfolio.import.tooLong' : 'portfolio.import.invalid', undefined);
      }
    }
    for (const [field, messages] of Object.entries(crossFieldErrors(candidate))) {
      const col = FIELD_COLUMN[field];
      if (col) for (const m of messages) issue(col, m);
    }
    if (parsed.success) rows.push({ row: r.row, input: parsed.data, dependsOnTitles, parentTitle });
  }

  // Cycles among the file's rows (dependencies and parents).
  const rowByTitle = new Map(rows.map((p) => [p.input.title.toLowerCase(), p.row] as const));
  const edges = new Map<string, string[]>();
  for (const p of rows) {
    const refs = [...p.dependsOnTitles, ...(p.parentTitle ? [p.parentTitle] : [])].map((t) => rowByTitle.get(t.toLowerCase())).filter((x): x is number => x !== undefined);
    edges.set(String(p.row), refs.map(String));
  }
  const ordered = dependencyOrder(rows.map((p) => String(p.row)), edges);
  if (ordered === null && errors.length === 0) {
    for (const p of rows) {
      if (inCycle(String(p.row), edges)) errors.push({ row: p.row, column: columnName(index.has('dependsOn') ? 'dependsOn' : 'parent'), message: 'portfolio.import.cycle', value: p.input.title });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  return { rows, order: (ordered ?? []).map(Number), errors, warnings };
}

function inCycle(start: string, edges: ReadonlyMap<string, readonly string[]>): boolean {
  const seen = new Set<string>();
  const stack = [...(edges.get(start) ?? [])];
  while (stack.length) {
    const n = stack.pop()!;
    if (n === start) return true;
    if (seen.has(n)) continue;
    seen.add(n);
    stack.push(...(edges.get(n) ?? []));
  }
  return false;
}
