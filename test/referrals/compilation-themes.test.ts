import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { compilationRepository } from '../../src/modules/referrals/compilation/repository.js';
import { seed000Matter, seed000Reservation } from '../../src/modules/referrals/compilation/seed-texts.js';
import { headlineOptions, maskForSearch, parseHeadline, splitParagraphs, termQuery } from '../../src/modules/referrals/compilation/text.js';
import { THEMES } from '../../src/modules/referrals/compilation/themes.js';
import { createTestDb } from '../helpers/db.js';

/**
 * Theme matching with PostgreSQL's Swedish stemmer ('swedish' configuration), on PGlite and on
 * PostgreSQL: inflected forms match, unrelated text does not, matched words are marked.
 */
let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

const terms = THEMES.flatMap((t) => t.terms.map((term) => ({ theme: t.id, query: termQuery(term) })));

async function match(passages: string[]) {
  const texts = passages.map(maskForSearch);
  const rows = await compilationRepository.matchThemes(database.db, texts, texts.map(headlineOptions), terms);
  return rows.map((r) => ({ ...r, segments: parseHeadline(r.headline) }));
}

const themesOf = async (text: string) => (await match([text])).map((r) => r.theme).sort();
const marked = (segments: Array<{ text: string; match: boolean }>) => segments.filter((s) => s.match).map((s) => s.text);

describe('theme matching with Swedish stemming', () => {
  it('finds inflected forms of a term', async () => {
    for (const text of [
      'Staden måste värna integritet.',
      'Med respekt för den personliga integriteten.',
      'Individens integritets skydd.',
      'Hanteringen av personuppgifter och dataskyddsförordningen.',
    ]) {
      expect(await themesOf(text), text).toContain('privacy');
    }
    expect(await themesOf('Tillgängligheten och användarvänligheten måste öka.')).toEqual(['accessibility']);
    expect(await themesOf('Medarbetarnas kompetensutveckling och kompetensen hos chefer.')).toEqual(['competence']);
    expect(await themesOf('Risken för ett digitalt utanförskap bland äldre.')).toEqual(['digitalExclusion']);
    expect(await themesOf('Det digitala utanförskapet växer.')).toEqual(['digitalExclusion']);
    expect(await themesOf('Kostnaderna och kostnadsfördelningen mellan nämnderna.')).toEqual(['costs']);
    expect(await themesOf('Öppna data och öppna arkiv ger transparens.')).toEqual(['openData']);
    expect(await themesOf('Samverkan och samarbetet med AB Stokab.')).toEqual(['cooperation']);
    expect(await themesOf('Informationssäkerheten och klassningen av informationen.')).toEqual(['informationSecurity']);
  });

  it('does not match unrelated text', async () => {
    expect(await themesOf('Nämnden godkänner förvaltningens förslag och överlämnar ärendet till kommunstyrelsen.')).toEqual([]);
    expect(await themesOf('Biblioteken har långa öppettider på lördagar.')).toEqual([]);
    // "tillgång" (access to) is not "tillgänglighet" (accessibility).
    expect(await themesOf('Tillgången till parkering är god.')).toEqual([]);
    expect(await themesOf('')).toEqual([]);
  });

  it('matches phrases only when their words follow each other', async () => {
    expect(await themesOf('Öppna data')).toEqual(['openData']);
    expect(await themesOf('Öppna dörrar för data')).toEqual([]);
  });

  it('tests every passage against every theme in one query and marks the matched words', async () => {
    const passages = [...splitParagraphs(seed000Matter()), ...splitParagraphs(seed000Reservation()), 'Ingenting här.'];
    const rows = await match(passages);
    const byTheme = new Map<string, number[]>();
    for (const r of rows) byTheme.set(r.theme, [...(byTheme.get(r.theme) ?? []), r.passage]);
    // Seed 000's matter names usability and competence development (passage 0).
    expect(byTheme.get('accessibility')).toContain(0);
    expect(byTheme.get('competence')).toContain(0);
    // L's text: privacy ("den personliga integriteten", "individens integritet"), open archives, accessibility.
    const privacy = rows.filter((r) => r.theme === 'privacy');
    expect(privacy.length).toBeGreaterThan(0);
    expect(privacy.flatMap((r) => marked(r.segments))).toEqual(expect.arrayContaining(['integriteten', 'integritet']));
    expect(rows.filter((r) => r.theme === 'openData').flatMap((r) => marked(r.segments)).join(' ')).toMatch(/öppna arkiv|transparensen/);
    expect(rows.some((r) => r.passage === passages.length - 1)).toBe(false);
  });

  it('keeps characters the text-search parser would drop and marks nothing but the terms', async () => {
    const [row] = await match(['Skydda <b>integriteten</b> & personuppgifterna < 5 år.']);
    expect(row?.theme).toBe('privacy');
    expect(row!.segments.map((s) => s.text).join('')).toBe('Skydda <b>integriteten</b> & personuppgifterna < 5 år.');
    expect(marked(row!.segments)).toEqual(['integriteten', 'personuppgifterna']);
  });

  it('shortens long passages to fragments around the matches', async () => {
    const long = `${'Inledande ord om ingenting särskilt. '.repeat(30)}Här nämns integriteten. ${'Avslutande ord om annat. '.repeat(30)}`;
    const [row] = await match([long]);
    const text = row!.segments.map((s) => s.text).join('');
    expect(text.length).toBeLessThan(long.length);
    expect(marked(row!.segments)).toEqual(['integriteten']);
  });
});
