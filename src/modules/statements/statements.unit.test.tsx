import { describe, expect, it } from 'vitest';
import { anonymous } from '../../auth/actor.js';
import { translator } from '../../core/i18n.js';
import type { PageContext } from '../../views/context.js';
import { diffText, diffVersions } from './diff.js';
import './messages.js';
import { linesOf, parseSignatory, statementPlainText, type StatementContent } from './text.js';
import { DiffView, StatementText } from './views/parts.js';

const v1: StatementContent = {
  documentDate: '2017-08-22',
  proposedDecision: ['Att remissvaret godkänns.'],
  summary: 'Kulturförvaltningen anser att strategin är ett naturligt led.',
  preparation: 'Ärendet har beretts av kulturstrategiska staben.',
  background: '',
  views: 'Ökade resurser behöver avsättas.',
  attachmentNames: ['Strategi', 'Kommunikationsstrategi'],
  signatories: [{ name: 'Robert Olsson', title: 'Kulturdirektör' }],
};
const v2: StatementContent = {
  ...v1,
  proposedDecision: ['Att remissvaret godkänns.', 'Att överlämna svaret till kommunstyrelsen.'],
  summary: 'Kulturförvaltningen anser att strategin för en smart stad är ett naturligt led.',
  views: 'Resurser behöver avsättas.',
  signatories: [...v1.signatories, { name: 'Patrik Liljegren', title: 'Chef, Kulturstrategiska staben' }],
};

const page = (locale: 'sv' | 'en' = 'sv'): PageContext => ({ locale, t: translator(locale), actor: anonymous, csrfToken: 'x', path: '/' });

describe('word-level differences', () => {
  it('marks added, removed and unchanged words per section', () => {
    const sections = diffVersions(v1, v2);
    expect(sections.map((s) => s.section)).toEqual([
      'documentDate',
      'proposedDecision',
      'summary',
      'preparation',
      'background',
      'views',
      'attachmentNames',
      'signatories',
    ]);
    const summary = sections.find((s) => s.section === 'summary')!;
    expect(summary.changed).toBe(true);
    expect(summary.changes).toEqual([
      { type: 'unchanged', text: 'Kulturförvaltningen anser att strategin ' },
      { type: 'added', text: 'för en smart stad ' },
      { type: 'unchanged', text: 'är ett naturligt led.' },
    ]);
    expect(sections.find((s) => s.section === 'views')!.changes).toEqual([
      { type: 'removed', text: 'Ökade resurser' },
      { type: 'added', text: 'Resurser' },
      { type: 'unchanged', text: ' behöver avsättas.' },
    ]);
    // A new point is a new line; the old one is untouched (no renumbering noise).
    expect(sections.find((s) => s.section === 'proposedDecision')!.changes).toEqual([
      { type: 'unchanged', text: 'Att remissvaret godkänns.\n' },
      { type: 'added', text: 'Att överlämna svaret till kommunstyrelsen.' },
    ]);
    expect(sections.find((s) => s.section === 'preparation')).toEqual({
      section: 'preparation',
      changed: false,
      changes: [{ type: 'unchanged', text: 'Ärendet har beretts av kulturstrategiska staben.' }],
    });
    expect(sections.find((s) => s.section === 'background')).toEqual({ section: 'background', changed: false, changes: [] });
    expect(diffText('', 'Ny text')).toEqual([{ type: 'added', text: 'Ny text' }]);
    expect(diffText('Gammal text', '')).toEqual([{ type: 'removed', text: 'Gammal text' }]);
  });

  it('renders changes with <ins>/<del> and hidden words, escaping the text', async () => {
    const sections = diffVersions({ ...v1, views: 'Se <b>bilaga</b> & mer' }, v2);
    const html = String(await DiffView({ ctx: page(), sections }));
    expect(html).toContain(
      '<ins><span class="visually-hidden">[tillagt: </span><span>för en smart stad </span><span class="visually-hidden"> (slut på tillagt)]</span></ins>',
    );
    expect(html).toContain('<del><span class="visually-hidden">[borttaget: </span>');
    expect(html).toContain('&lt;b>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('<h2 id="diff-summary">Sammanfattning</h2>');
    expect(html).toContain('Inga ändringar i avsnittet.');
    const en = String(await DiffView({ ctx: page('en'), sections }));
    expect(en).toContain('[added: ');
    expect(en).toContain('<h2 id="diff-views">The administration&#39;s views</h2>');
  });
});

describe('statement text', () => {
  it('is the whole statement in the standard order with Swedish headings', () => {
    const text = statementPlainText({
      ...v2,
      background: 'Sedan 2009 har förvaltningen utvecklat e-tjänster.',
      title: 'Strategi för Stockholm som smart och uppkopplad stad. Svar på remiss',
      registryNumber: '171-908/2016',
      bodyName: 'Kulturnämnden',
      administrationName: 'Kulturförvaltningen',
    });
    expect(text).toBe(
      [
        'Tjänsteutlåtande\nKulturförvaltningen\nDnr 171-908/2016\n22 augusti 2017\nTill Kulturnämnden',
        'Strategi för Stockholm som smart och uppkopplad stad. Svar på remiss',
        'Förslag till beslut\n1. Att remissvaret godkänns.\n2. Att överlämna svaret till kommunstyrelsen.',
        'Sammanfattning\nKulturförvaltningen anser att strategin för en smart stad är ett naturligt led.',
        'Ärendets beredning\nÄrendet har beretts av kulturstrategiska staben.',
        'Bakgrund\nSedan 2009 har förvaltningen utvecklat e-tjänster.',
        'Förvaltningens synpunkter\nResurser behöver avsättas.',
        'Bilagor\n1. Strategi\n2. Kommunikationsstrategi',
        'Robert Olsson\nKulturdirektör',
        'Patrik Liljegren\nChef, Kulturstrategiska staben',
      ].join('\n\n') + '\n',
    );
    // A single decision point is not numbered; empty sections and a missing administration are left out.
    const short = statementPlainText({ ...v1, title: 'T', registryNumber: '1', bodyName: 'B', administrationName: null });
    expect(short).toContain('Förslag till beslut\nAtt remissvaret godkänns.\n\nSammanfattning');
    expect(short).not.toContain('Bakgrund');
    expect(short.startsWith('Tjänsteutlåtande\nDnr 1\n')).toBe(true);
  });

  it('reads one item per line and signatories as "name, title"', () => {
    expect(linesOf('  Att godkänna.\r\n\r\nAtt överlämna. \n')).toEqual(['Att godkänna.', 'Att överlämna.']);
    expect(parseSignatory('Ann Andersson, förvaltningschef')).toEqual({ name: 'Ann Andersson', title: 'förvaltningschef' });
    expect(parseSignatory('Patrik Liljegren, Chef, Kulturstrategiska staben')).toEqual({ name: 'Patrik Liljegren', title: 'Chef, Kulturstrategiska staben' });
    expect(parseSignatory('Robert Olsson')).toEqual({ name: 'Robert Olsson', title: '' });
  });

  it('renders the sections as headings, the points as a list', async () => {
    const html = String(await StatementText({ ctx: page(), version: { ...v2, note: null, createdBy: 'x', createdAt: new Date(), version: 2 } }));
    expect(html).toContain('<h2>Förslag till beslut</h2><ol><li>Att remissvaret godkänns.</li>');
    expect(html).toContain('<h2>Undertecknare</h2>');
    expect(html).not.toContain('<h2>Bakgrund</h2>');
  });
});
