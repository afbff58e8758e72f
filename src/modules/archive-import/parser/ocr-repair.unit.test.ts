import { describe, expect, it } from 'vitest';
import { readFixtureText } from './fixtures.js';
import { isKnownWord, repairOcr } from './index.js';

describe('repairOcr on sentences of seed 002', () => {
  it('restores å, ä, ö in the proposed decision', () => {
    const r = repairOcr('1. Arbetsmarknadsnimnden hénvisar till férvaltningens\ntjdnsteutlatande som svar pa remissen.');
    expect(r.text).toBe('1. Arbetsmarknadsnämnden hänvisar till förvaltningens\ntjänsteutlåtande som svar på remissen.');
    expect(r.repairs).toEqual([
      { from: 'Arbetsmarknadsnimnden', to: 'Arbetsmarknadsnämnden', count: 1 },
      { from: 'hénvisar', to: 'hänvisar', count: 1 },
      { from: 'férvaltningens', to: 'förvaltningens', count: 1 },
      { from: 'tjdnsteutlatande', to: 'tjänsteutlåtande', count: 1 },
      { from: 'pa', to: 'på', count: 1 },
    ]);
  });

  it('repairs a damaged paragraph, including "for" and a lone "1" read for "i"', () => {
    const r = repairOcr(
      'Den foreslagna strategin innehéller en tydlig méalbild som tar\navstamp 1 Vision 2040. Mélbilden for den smarta staden &r att skapa\nden hogsta livskvaliteten for stockholmarna och det bista klimatet\nfor foretagande.',
    );
    expect(r.text).toBe(
      'Den föreslagna strategin innehåller en tydlig målbild som tar\navstamp i Vision 2040. Målbilden för den smarta staden är att skapa\nden högsta livskvaliteten för stockholmarna och det bästa klimatet\nför företagande.',
    );
  });

  it('keeps the case of repaired words and repairs digit confusions', () => {
    const r = repairOcr('Remiss fran kommunstyrelsen. Arendet har beretts. Oppna data och 16sningar, 6ppenhet, milj6- och hilsoskyddsndmnden, 4tta principer.');
    expect(r.text).toBe('Remiss från kommunstyrelsen. Ärendet har beretts. Öppna data och lösningar, öppenhet, miljö- och hälsoskyddsnämnden, åtta principer.');
  });

  it('repairs the whole seed and reports what it changed', () => {
    const r = repairOcr(readFixtureText('seeds', '002_60c3910f374916ba.txt'));
    const map = new Map(r.repairs.map((x) => [x.from, x.to]));
    expect(map.get('forvaltningens') ?? map.get('Arbetsmarknadsforvaltningens')).toMatch(/förvaltningens$/);
    expect(map.get('nimnd')).toBe('nämnd');
    expect(map.get('hénvisar')).toBe('hänvisar');
    expect(map.get('fran')).toBe('från');
    expect(map.get('pa')).toBe('på');
    expect(r.text).toContain('avstamp i Vision 2040');
    expect(r.text).toContain('Den första principen om att utgå från\nmålgruppernas behov');
    expect(r.repairs.reduce((n, x) => n + x.count, 0)).toBeGreaterThan(300);
  });
});

describe('repairOcr leaves correct Swedish alone', () => {
  for (const file of ['000_605d7dfb49ed5342.txt', '001_41b9deafe301b80b.txt', '003_f6378860e77b1f9e.txt', '004_4df7957926e1cc26.txt']) {
    it(`makes no repair in seed ${file}`, () => {
      const text = readFixtureText('seeds', file);
      const r = repairOcr(text);
      expect(r.repairs).toEqual([]);
      expect(r.text).toBe(text);
    });
  }

  it('does not touch ambiguous or valid words, acronyms, numbers or addresses', () => {
    const text = 'Han for till Stockholm 1 gång. ILS, STHLM och MTM. Se biblioteket.stockholm.se eller skriv till info@stockholm.se. Punkt 1 och 2.';
    expect(repairOcr(text)).toEqual({ text, repairs: [] });
  });

  it('knows Swedish compounds built from dictionary parts', () => {
    expect(isKnownWord('kostnadsfördelningsprinciper')).toBe(true);
    expect(isKnownWord('Arbetsmarknadsförvaltningens')).toBe(true);
    expect(isKnownWord('tjdnsteutlatande')).toBe(false);
  });

  it('never throws and returns empty input unchanged', () => {
    expect(repairOcr('')).toEqual({ text: '', repairs: [] });
    expect(repairOcr(undefined as unknown as string)).toEqual({ text: '', repairs: [] });
  });
});
