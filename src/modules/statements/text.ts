import { formatDate } from '../../core/i18n.js';
import type { Signatory } from './schema.js';

/** The content of one version, as stored. */
export interface StatementContent {
  documentDate: string;
  proposedDecision: string[];
  summary: string;
  preparation: string;
  background: string;
  views: string;
  attachmentNames: string[];
  signatories: Signatory[];
}

/** The standard sections in their order, with the Swedish headings of a tjänsteutlåtande. */
export const TEXT_SECTIONS = ['proposedDecision', 'summary', 'preparation', 'background', 'views', 'attachmentNames'] as const;
export type TextSection = (typeof TEXT_SECTIONS)[number];

export const SWEDISH_HEADINGS: Record<TextSection, string> = {
  proposedDecision: 'Förslag till beslut',
  summary: 'Sammanfattning',
  preparation: 'Ärendets beredning',
  background: 'Bakgrund',
  views: 'Förvaltningens synpunkter',
  attachmentNames: 'Bilagor',
};

/** Decision points: numbered when there are several, a single point as it is (as in minutes). */
export function numberedPoints(points: string[]): string[] {
  return points.length > 1 ? points.map((p, i) => `${i + 1}. ${p}`) : points;
}

export const signatoryLine = (s: Signatory) => (s.title ? `${s.name}, ${s.title}` : s.name);

/**
 * The whole statement as plain text, for the registry document: a header (kind, administration,
 * Dnr, date, body, title), then the standard sections with Swedish headings (empty ones left out),
 * then the signatories, each name with its title on the next line.
 */
export function statementPlainText(s: StatementContent & { title: string; registryNumber: string; bodyName: string; administrationName: string | null }): string {
  const blocks: string[] = [];
  blocks.push(
    [
      'Tjänsteutlåtande',
      ...(s.administrationName ? [s.administrationName] : []),
      `Dnr ${s.registryNumber}`,
      formatDate('sv', s.documentDate),
      `Till ${s.bodyName}`,
    ].join('\n'),
  );
  blocks.push(s.title);
  for (const section of TEXT_SECTIONS) {
    const body = sectionBody(s, section);
    if (body) blocks.push(`${SWEDISH_HEADINGS[section]}\n${body}`);
  }
  for (const sig of s.signatories) blocks.push(sig.title ? `${sig.name}\n${sig.title}` : sig.name);
  return blocks.join('\n\n') + '\n';
}

function sectionBody(s: StatementContent, section: TextSection): string {
  switch (section) {
    case 'proposedDecision':
      return numberedPoints(s.proposedDecision).join('\n');
    case 'attachmentNames':
      return s.attachmentNames.map((n, i) => `${i + 1}. ${n}`).join('\n');
    default:
      return s[section].trim();
  }
}

// ── form fields: one item per line ──────────────────────────────────────────
/** A textarea with one item per line → the items (blank lines dropped, spaces trimmed). */
export function linesOf(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r\n?|\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** "Ann Andersson, förvaltningschef" → name and title, split at the first comma (titles may contain commas). */
export function parseSignatory(line: string): Signatory {
  const at = line.indexOf(',');
  if (at < 0) return { name: line.trim(), title: '' };
  return { name: line.slice(0, at).trim(), title: line.slice(at + 1).trim() };
}

export const signatoriesText = (list: Signatory[]) => list.map(signatoryLine).join('\n');
