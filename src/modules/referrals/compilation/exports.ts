import { stringify } from 'csv-stringify/sync';
import { formatDate, type Locale, type Translate } from '../../../core/i18n.js';
import { renderPdf, type PdfBlock } from '../../../views/pdf.js';
import { splitParagraphs } from './text.js';
import type { CompiledMember, CompiledRecipient, Compilation, MergedText, PartyGroup } from './model.js';

/** Downloads of a compilation: CSV for spreadsheets, PDF for print. Pure over the model. */

export const lateLabel = (t: Translate, r: Pick<CompiledRecipient, 'late' | 'answeredLate'>) =>
  r.late ? t('compilation.late.yes') : r.answeredLate ? t('compilation.late.answeredLate') : t('compilation.late.no');

export function themeLabel(c: Compilation, id: string, locale: Locale): string {
  return c.themes.find((th) => th.id === id)?.label[locale] ?? id;
}

export function memberText(t: Translate, m: CompiledMember): string {
  const role = m.role === 'servingSubstitute' ? `${t('compilation.member.servingSubstitute')} ` : m.role === 'chair' ? `${t('compilation.member.chair')} ` : '';
  return `${role}${m.name}${m.others ? ` ${t('compilation.member.others')}` : ''}${m.party ? ` (${m.party})` : ''}`;
}

export const partyHeading = (t: Translate, g: PartyGroup) =>
  g.party ? (g.partyName ? `${g.partyName} (${g.party})` : g.party) : t('compilation.party.none');

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is kept as text. */
export const inertCell = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/**
 * One row per recipient. UTF-8 with a byte order mark so Excel reads å, ä and ö; the header is in
 * the reader's language, the decision points are joined with " | ".
 */
export function compilationCsv(c: Compilation, t: Translate, locale: Locale): string {
  const header = [
    t('compilation.col.body'),
    t('compilation.col.number'),
    t('compilation.col.status'),
    t('compilation.col.stance'),
    t('compilation.col.answered'),
    t('compilation.col.late'),
    t('compilation.col.decision'),
    t('compilation.col.reservations'),
    t('compilation.col.themes'),
  ];
  const rows = c.recipients.map((r) => [
    r.bodyName,
    r.registryNumber ?? '',
    t(`compilation.status.${r.status}`),
    t(`compilation.stance.${r.stance}`),
    r.answeredOn ?? '',
    lateLabel(t, r),
    (r.decision?.points ?? []).map((p, i, all) => (all.length > 1 ? `${i + 1}. ${p}` : p)).join(' | '),
    r.reservationParties.join(', '),
    r.themes.map((id) => themeLabel(c, id, locale)).join(', '),
  ]);
  return stringify([header, ...rows.map((row) => row.map(inertCell))], { bom: true, record_delimiter: 'windows' });
}

function occurrenceLine(t: Translate, locale: Locale, o: MergedText['occurrences'][number]): string {
  const where = t('compilation.text.paragraph', { paragraph: o.paragraph, date: formatDate(locale, o.meetingDate) });
  const members = o.members.map((m) => memberText(t, m)).join(', ');
  return `${o.bodyName}${o.registryNumber ? `, ${o.registryNumber}` : ''} (${where})${members ? `: ${members}` : ''}${o.inFavourOfOwnProposal ? `, ${t('compilation.text.inFavour')}` : ''}`;
}

function partyBlocks(t: Translate, locale: Locale, groups: PartyGroup[], givenIn: string): PdfBlock[] {
  const blocks: PdfBlock[] = [];
  for (const g of groups) {
    blocks.push({ kind: 'heading', level: 3, text: partyHeading(t, g) });
    for (const text of g.texts) {
      if (text.occurrences.length > 1) blocks.push({ kind: 'paragraph', text: t('compilation.text.sameIn', { count: text.occurrences.length }) });
      blocks.push({ kind: 'paragraph', text: `${givenIn}:` });
      blocks.push({ kind: 'list', items: text.occurrences.map((o) => occurrenceLine(t, locale, o)) });
      blocks.push({ kind: 'paragraph', text: text.text ? splitParagraphs(text.text).join('\n\n') : t('compilation.text.empty') });
    }
  }
  return blocks;
}

export function compilationPdf(c: Compilation, t: Translate, locale: Locale): Promise<Buffer> {
  const r = c.referral;
  const d = (v: string | null) => (v ? formatDate(locale, v) : t('common.none'));
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 1, text: t('compilation.heading', { subject: r.subject }) },
    {
      kind: 'meta',
      rows: [
        [t('compilation.meta.sender'), r.senderBodyName],
        [t('compilation.meta.number'), r.registryNumber],
        [t('compilation.meta.letterDate'), d(r.letterDate)],
        [t('compilation.meta.deadline'), d(r.deadline)],
        [t('compilation.meta.recipients'), String(c.counts.recipients)],
        [t('compilation.meta.compiledOn'), d(c.compiledOn)],
      ],
    },
    { kind: 'heading', level: 2, text: t('compilation.summary.heading') },
    {
      kind: 'table',
      header: [t('compilation.summary.stance'), t('compilation.summary.count')],
      rows: [
        ...Object.entries(c.counts.byStance)
          .filter(([, n]) => n > 0)
          .map(([s, n]) => [t(`compilation.stance.${s}`), String(n)]),
        [t('compilation.summary.late'), String(c.counts.late)],
        [t('compilation.summary.answeredLate'), String(c.counts.answeredLate)],
      ],
      widths: [360, 107],
    },
    { kind: 'heading', level: 2, text: t('compilation.recipients.heading') },
    {
      kind: 'table',
      header: [t('compilation.col.body'), t('compilation.col.number'), t('compilation.col.status'), t('compilation.col.stance'), t('compilation.col.answered'), t('compilation.col.late')],
      rows: c.recipients.map((x) => [
        x.bodyName,
        x.registryNumber ?? '',
        t(`compilation.status.${x.status}`),
        t(`compilation.stance.${x.stance}`),
        x.answeredOn ?? '',
        lateLabel(t, x),
      ]),
      widths: [130, 72, 70, 80, 60, 55],
    },
    { kind: 'heading', level: 2, text: t('compilation.answers.heading') },
  ];
  for (const x of c.recipients) {
    blocks.push({ kind: 'heading', level: 3, text: x.bodyName });
    if (x.restricted) {
      blocks.push({ kind: 'paragraph', text: t('compilation.answers.restricted') });
      continue;
    }
    if (x.declineReason) blocks.push({ kind: 'paragraph', text: t('compilation.answers.declineReason', { reason: x.declineReason }) });
    if (x.decision) {
      const prelim = x.decision.final ? '' : ` ${t('compilation.answers.decisionPreliminary')}`;
      blocks.push({ kind: 'paragraph', text: t('compilation.answers.decision', { paragraph: x.decision.paragraph, date: d(x.decision.meetingDate) }) + prelim });
      if (x.decision.points.length) blocks.push({ kind: 'points', items: x.decision.points });
    }
    if (x.statement) {
      const draft = x.statement.status === 'draft' ? ` ${t('compilation.answers.statementDraft')}` : '';
      blocks.push({ kind: 'paragraph', text: t('compilation.answers.statement', { date: d(x.statement.documentDate) }) + draft });
      if (x.statement.proposedDecision.length) blocks.push({ kind: 'points', items: x.statement.proposedDecision });
      if (x.statement.summary) blocks.push({ kind: 'paragraph', text: x.statement.summary });
    }
    if (x.answerDocuments.length) {
      blocks.push({ kind: 'paragraph', text: `${t('compilation.answers.documents')}:` });
      blocks.push({ kind: 'list', items: x.answerDocuments.map((doc) => `${doc.title} (${d(doc.documentDate)})`) });
    }
    if (!x.decision && !x.statement && !x.declineReason && !x.answerDocuments.length) blocks.push({ kind: 'paragraph', text: t('compilation.answers.none') });
  }
  blocks.push({ kind: 'heading', level: 2, text: t('compilation.reservations.heading') });
  if (c.reservations.length) blocks.push(...partyBlocks(t, locale, c.reservations, t('compilation.text.reservedIn')));
  else blocks.push({ kind: 'paragraph', text: t('compilation.reservations.none') });
  if (c.specialStatements.length) {
    blocks.push({ kind: 'heading', level: 2, text: t('compilation.special.heading') });
    blocks.push(...partyBlocks(t, locale, c.specialStatements, t('compilation.text.givenIn')));
  }
  blocks.push({ kind: 'heading', level: 2, text: t('compilation.themes.heading') });
  const raised = c.themes.filter((th) => th.recipientCount > 0);
  blocks.push({
    kind: 'table',
    header: [t('compilation.themes.col.theme'), t('compilation.themes.col.count'), t('compilation.themes.col.bodies')],
    rows: raised.map((th) => [th.label[locale], String(th.recipientCount), th.bodies.map((b) => b.bodyName).join(', ')]),
    widths: [150, 60, 257],
  });
  for (const th of raised) {
    blocks.push({ kind: 'heading', level: 3, text: th.label[locale] });
    blocks.push({
      kind: 'list',
      items: th.passages.map((p) => `${p.bodyName}, ${t(`compilation.source.${p.source}`)}: ${p.headline.map((s) => (s.match ? `«${s.text}»` : s.text)).join('')}`),
    });
  }
  return renderPdf({
    title: t('compilation.heading', { subject: r.subject }),
    lang: locale,
    subject: t('compilation.title'),
    author: r.senderBodyName,
    blocks,
    footer: t('compilation.pdf.footer', { sender: r.senderBodyName, number: r.registryNumber }),
  });
}
