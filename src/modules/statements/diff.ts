import { diffWords } from 'diff';
import { signatoryLine, type StatementContent } from './text.js';

/**
 * Word-level differences between two versions, section by section (jsdiff's `diffWords`: words
 * and punctuation are tokens, whitespace is kept but not compared). List sections are compared
 * one item per line, without numbers, so inserting a point does not renumber the rest.
 */
export const DIFF_SECTIONS = ['documentDate', 'proposedDecision', 'summary', 'preparation', 'background', 'views', 'attachmentNames', 'signatories'] as const;
export type DiffSection = (typeof DIFF_SECTIONS)[number];

export type ChangeType = 'added' | 'removed' | 'unchanged';
export interface Change {
  type: ChangeType;
  text: string;
}
export interface SectionDiff {
  section: DiffSection;
  changed: boolean;
  changes: Change[];
}

/** Give up on a word diff after this long and show the section as replaced. */
const DIFF_TIMEOUT_MS = 2000;

export function sectionText(v: StatementContent, section: DiffSection): string {
  switch (section) {
    case 'proposedDecision':
    case 'attachmentNames':
      return v[section].join('\n');
    case 'signatories':
      return v.signatories.map(signatoryLine).join('\n');
    default:
      return v[section];
  }
}

export function diffText(before: string, after: string): Change[] {
  if (before === after) return before ? [{ type: 'unchanged', text: before }] : [];
  const changes = diffWords(before, after, { timeout: DIFF_TIMEOUT_MS });
  if (!changes) {
    return [
      ...(before ? [{ type: 'removed' as const, text: before }] : []),
      ...(after ? [{ type: 'added' as const, text: after }] : []),
    ];
  }
  return changes
    .filter((c) => c.value !== '')
    .map((c) => ({ type: c.added ? 'added' : c.removed ? 'removed' : 'unchanged', text: c.value }));
}

export function diffVersions(from: StatementContent, to: StatementContent): SectionDiff[] {
  return DIFF_SECTIONS.map((section) => {
    const a = sectionText(from, section);
    const b = sectionText(to, section);
    // A date is one token: "2017-08-22" → "2017-08-29" is a new date, not a new day number.
    const changes =
      section === 'documentDate' && a !== b
        ? [
            { type: 'removed' as const, text: a },
            { type: 'added' as const, text: b },
          ]
        : diffText(a, b);
    return { section, changed: a !== b, changes };
  });
}
