import { describe, expect, it } from 'vitest';
import { seed000Matter, seed000Reservation, seed001Proposal } from './seed-texts.js';
import { isValidTerm, maskForSearch, MARK_END, MARK_START, mergeOverlapping, parseHeadline, shorten, splitParagraphs, textFragment, themeQuery, withEllipses } from './text.js';
import { THEMES } from './themes.js';

describe('splitParagraphs', () => {
  it('splits on blank lines and flattens line breaks', () => {
    expect(splitParagraphs('Första stycket.\nfortsätter här.\n\nAndra stycket.')).toEqual(['Första stycket. fortsätter här.', 'Andra stycket.']);
    expect(splitParagraphs('')).toEqual([]);
    expect(splitParagraphs(null)).toEqual([]);
  });

  it('joins the lines of PDF text that has a blank line after every printed line (seed 000)', () => {
    const paragraphs = splitParagraphs(seed000Reservation());
    expect(paragraphs.slice(0, 2)).toEqual(['”1. Att godkänna förvaltningens förslag till beslut.', '2. Att därutöver anföra följande.']);
    expect(paragraphs[2]).toMatch(/^Liberalerna har länge drivit frågan om ett uppkopplat och smart Stockholm\. 2010 genomfördes/);
    expect(paragraphs.some((p) => p.includes('med respekt för den personliga integriteten, måste uppmärksammas.'))).toBe(true);
    expect(splitParagraphs(seed000Matter())).toHaveLength(1);
  });

  it('keeps a heading apart from the paragraph after it', () => {
    expect(splitParagraphs('Ärendet\n\nKommunfullmäktige har beslutat.')).toEqual(['Ärendet', 'Kommunfullmäktige har beslutat.']);
    expect(splitParagraphs('Upphandling måste stärkas. Inte\n\nminst i upphandling.')).toEqual(['Upphandling måste stärkas. Inte minst i upphandling.']);
  });
});

describe('themeQuery', () => {
  it('builds one tsquery of alternatives, phrases and prefixes', () => {
    expect(themeQuery(['integritet', 'personlig* integritet*', 'GDPR'])).toBe('integritet | (personlig:* <-> integritet:*) | gdpr');
  });

  it('refuses terms that are not plain words', () => {
    expect(isValidTerm("a'b")).toBe(false);
    expect(isValidTerm('a | b')).toBe(false);
    expect(isValidTerm('*')).toBe(false);
    expect(() => themeQuery(['x & y'])).toThrow();
  });

  it('every theme has valid terms, a Swedish and an English label, and a unique id', () => {
    expect(new Set(THEMES.map((t) => t.id)).size).toBe(THEMES.length);
    for (const theme of THEMES) {
      expect(theme.terms.length).toBeGreaterThan(0);
      expect(theme.label.sv).not.toBe('');
      expect(theme.label.en).not.toBe('');
      for (const term of theme.terms) expect(isValidTerm(term), `${theme.id}: ${term}`).toBe(true);
    }
    expect(THEMES.map((t) => t.id)).toEqual(
      expect.arrayContaining(['privacy', 'accessibility', 'competence', 'digitalExclusion', 'costs', 'openData', 'cooperation', 'informationSecurity']),
    );
  });
});

describe('headlines', () => {
  it('parses the markers into segments and restores masked characters', () => {
    const masked = maskForSearch('a < b & <i>c</i> \u0001x');
    expect(masked).not.toMatch(/[<&\u0001]/);
    const headline = `${masked.slice(0, 4)}${MARK_START}integriteten${MARK_END} och ${MARK_START}data${MARK_END}`;
    expect(parseHeadline(headline)).toEqual([
      { text: 'a < ', match: false },
      { text: 'integriteten', match: true },
      { text: ' och ', match: false },
      { text: 'data', match: true },
    ]);
    expect(parseHeadline(maskForSearch('<b>&amp;</b>'))).toEqual([{ text: '<b>&amp;</b>', match: false }]);
    expect(parseHeadline(`${MARK_START}oavslutad`)).toEqual([{ text: 'oavslutad', match: true }]);
  });
});

describe('shorten and textFragment', () => {
  it('cuts at a word boundary with an ellipsis', () => {
    expect(shorten('kort')).toBe('kort');
    const long = 'ord '.repeat(200);
    const s = shorten(long, 50);
    expect(s.length).toBeLessThanOrEqual(52);
    expect(s.endsWith(' …')).toBe(true);
  });

  it('links to the first words of a passage', () => {
    expect(textFragment('Stockholm bör nu gå vidare, med')).toBe('#:~:text=Stockholm%20b%C3%B6r%20nu%20g%C3%A5');
    expect(textFragment('IT-säkerhet, och mer')).toBe('#:~:text=IT%2Ds%C3%A4kerhet%2C%20och%20mer');
    expect(textFragment('')).toBe('');
  });
});

describe('mergeOverlapping', () => {
  it('drops repeated words and lets a fuller printing replace its parts in place', () => {
    const items = [
      { text: 'Inledning.', source: 'a' },
      { text: 'Del ett.', source: 'reservation' },
      { text: '”Del  två.”', source: 'reservation' },
      { text: 'Del ett. Del två.', source: 'proposal' },
      { text: 'Del ett.', source: 'extract' },
      { text: 'Annat.', source: 'b' },
    ];
    expect(mergeOverlapping(items)).toEqual([
      { text: 'Inledning.', source: 'a' },
      { text: 'Del ett. Del två.', source: 'reservation' },
      { text: 'Annat.', source: 'b' },
    ]);
  });

  it('treats seed 000 and seed 001 paragraphs of the L text as one text', () => {
    const p = seed001Proposal();
    const merged = mergeOverlapping([...splitParagraphs(seed000Reservation()), ...splitParagraphs(p.text)].map((text) => ({ text })));
    expect(merged.filter((m) => m.text.includes('Chydeniusinitiativet'))).toHaveLength(1);
    expect(merged.filter((m) => m.text.includes('Medborgarna måste få större tillgång'))).toHaveLength(1);
  });
});

describe('withEllipses', () => {
  it('marks excerpts cut at the start or the end', () => {
    const passage = 'Första meningen här. Sedan integriteten i mitten. Och sist en mening till.';
    const mid = [{ text: 'Sedan ', match: false }, { text: 'integriteten', match: true }, { text: ' i mitten.', match: false }];
    expect(withEllipses(mid, passage).map((s) => s.text).join('')).toBe('… Sedan integriteten i mitten. …');
    const whole = [{ text: passage, match: false }];
    expect(withEllipses(whole, passage)).toEqual(whole);
  });
});
