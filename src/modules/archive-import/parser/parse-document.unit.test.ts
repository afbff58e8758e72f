import { describe, expect, it } from 'vitest';
import { fixtureFiles, readExpected, readFixtureBytes, readFixtureText } from './fixtures.js';
import { dryRunResultSchema, extractText, parseDocument, toDryRunJson } from './index.js';

const CONTRACT_KEYS = [
  'file', 'kind', 'title', 'body', 'administration', 'registryNumbers', 'paragraph', 'meetingDate', 'documentDate',
  'referral', 'proposedDecision', 'decision', 'proposals', 'procedure', 'reservations', 'signatories', 'attachments',
  'warnings',
];

describe('parseDocument on the five seed documents', () => {
  const seeds = fixtureFiles('seeds');
  it('has the five seeds', () => {
    expect(seeds).toHaveLength(5);
  });
  for (const file of seeds) {
    it(`${file} gives the hand-written expected JSON`, () => {
      const parsed = parseDocument({ file, text: readFixtureText('seeds', file) });
      const json = toDryRunJson(parsed);
      expect(dryRunResultSchema.parse(json)).toEqual(json);
      expect(Object.keys(json)).toEqual(CONTRACT_KEYS);
      expect(json).toEqual(readExpected(file));
    });
  }

  it('keeps the original and the repaired text (seed 002 is OCR-damaged)', () => {
    const file = '002_60c3910f374916ba.txt';
    const original = readFixtureText('seeds', file);
    const parsed = parseDocument({ file, text: original });
    expect(parsed.originalText).toBe(original);
    expect(parsed.text).not.toBe(original);
    expect(parsed.text).toContain('Arbetsmarknadsnämnden hänvisar till förvaltningens');
    expect(parsed.originalText).toContain('Arbetsmarknadsnimnden hénvisar till férvaltningens');
    expect(parsed.repairs.find((r) => r.from === 'tjdnsteutlatande')?.to).toBe('tjänsteutlåtande');
  });

  it('reads the same Liberal reservation text from the hard-wrapped seed 000 and the unwrapped seed 001', () => {
    const a = toDryRunJson(parseDocument({ file: 'a', text: readFixtureText('seeds', '000_605d7dfb49ed5342.txt') }));
    const b = toDryRunJson(parseDocument({ file: 'b', text: readFixtureText('seeds', '001_41b9deafe301b80b.txt') }));
    expect(a.reservations[0]?.text).toBeTruthy();
    expect(a.reservations[0]?.text).toBe(b.reservations[0]?.text);
    expect(a.reservations[0]?.text).not.toMatch(/[”"]/);
  });

  it('gives the member proposal texts and the statement date as extras', () => {
    const parsed = parseDocument({ file: 'x', text: readFixtureText('seeds', '001_41b9deafe301b80b.txt') });
    expect(parsed.extra.proposalTexts[0]).toBeNull();
    expect(parsed.extra.proposalTexts[1]).toMatch(/^1\. Att godkänna förvaltningens förslag till beslut\.\n\n2\. /);
    expect(parsed.extra.statementDate).toBe('2016-08-30');
    expect(parsed.extra.sections.map((s) => s.key)).toContain('reservation');
  });
});

describe('parseDocument does not depend on the layout', () => {
  it('reads seed 000 the same when it is single-spaced instead of double-spaced', () => {
    const file = '000_605d7dfb49ed5342.txt';
    const single = readFixtureText('seeds', file).replace(/\n\n(?! \n)/g, '\n').replace(/\n \n\n/g, '\n\n');
    expect(single).not.toMatch(/\S \n\n\S/);
    expect(toDryRunJson(parseDocument({ file, text: single }))).toEqual(readExpected(file));
  });

  it('reads seed 001 the same with CRLF line ends', () => {
    const file = '001_41b9deafe301b80b.txt';
    const crlf = readFixtureText('seeds', file).replace(/\n/g, '\r\n');
    expect(toDryRunJson(parseDocument({ file, text: crlf }))).toEqual(readExpected(file));
  });

  it('reads seed 003 the same without its Markdown markup', () => {
    const file = '003_f6378860e77b1f9e.txt';
    const plain = readFixtureText('seeds', file).replace(/\*\*/g, '').replace(/^#+\s*/gm, '').replace(/\*/g, '');
    expect(toDryRunJson(parseDocument({ file, text: plain }))).toEqual(readExpected(file));
  });
});

describe('parseDocument on documents it has never seen', () => {
  const unseen = fixtureFiles('unseen');
  it('has at least three of them', () => {
    expect(unseen.length).toBeGreaterThanOrEqual(3);
  });
  for (const file of unseen) {
    it(`${file} gives the hand-written expected JSON`, async () => {
      const extracted = await extractText({ name: file, bytes: readFixtureBytes('unseen', file) });
      if ('error' in extracted) throw new Error(extracted.error.message);
      const json = toDryRunJson(parseDocument({ file, text: extracted.text }));
      expect(dryRunResultSchema.parse(json)).toEqual(json);
      expect(json).toEqual(readExpected(file));
    });
  }

  it('detects Windows-1252 and CRLF input', async () => {
    const cp = await extractText({ name: 'u2.txt', bytes: readFixtureBytes('unseen', 'u2_idrottsforvaltningen_tjansteutlatande_cp1252.txt') });
    expect(cp).toMatchObject({ encoding: 'windows-1252' });
    const crlf = readFixtureText('unseen', 'u1_utbildningsnamnden_protokollsutdrag_crlf.txt');
    expect(crlf).toContain('\r\n');
    // parseDocument copes with CRLF by itself too
    const direct = toDryRunJson(parseDocument({ file: 'u1_utbildningsnamnden_protokollsutdrag_crlf.txt', text: crlf }));
    expect(direct).toEqual(readExpected('u1_utbildningsnamnden_protokollsutdrag_crlf.txt'));
  });

  it('reads vote counts, special statements and immediate approval into extra', () => {
    const u1 = parseDocument({ file: 'u1', text: readFixtureText('unseen', 'u1_utbildningsnamnden_protokollsutdrag_crlf.txt') });
    expect(u1.extra.vote).toEqual({ yes: 7, no: 4, abstained: null });
    expect(u1.extra.immediateApproval).toBe(true);
    expect(u1.extra.specialStatements).toEqual([
      {
        members: [{ name: 'Sara Nyström', party: 'V', role: 'member' }],
        parties: ['V'],
        text: 'Det är bra att it-stödet samordnas, men lärarnas arbetsmiljö måste följas upp.',
      },
    ]);
    const u3 = parseDocument({ file: 'u3', text: readFixtureText('unseen', 'u3_skarpnack_protokollsutdrag_double_spaced.txt') });
    expect(u3.extra.doubleSpaced).toBe(true);
    expect(u3.extra.specialStatements[0]?.members).toEqual([{ name: 'Mikael Strand', party: 'C', role: 'substitute' }]);
  });
});

describe('parseDocument warnings and edge cases', () => {
  it('warns about a protocol extract without § and an unknown Dnr shape', () => {
    const text = [
      'Protokollsutdrag',
      'Sammanträdesdatum 2018-05-03',
      'Motion om fler parkbänkar',
      'Dnr: PARK/2018-99',
      '',
      'Beslut',
      'Nämnden avslår motionen.',
    ].join('\n');
    const json = toDryRunJson(parseDocument({ file: 'm.txt', text }));
    expect(json.kind).toBe('protocolExtract');
    expect(json.paragraph).toBeNull();
    expect(json.meetingDate).toBe('2018-05-03');
    expect(json.decision).toEqual(['Nämnden avslår motionen.']);
    expect(json.warnings).toContain('Protocol extract without a paragraph number (§).');
    expect(json.warnings).toContain('Registry number "PARK/2018-99" matches no known pattern.');
  });

  it('marks text it cannot classify as unknown', () => {
    const json = toDryRunJson(parseDocument({ file: 'n.txt', text: 'Hej! Vi ses på fredag vid sjön.' }));
    expect(json.kind).toBe('unknown');
    expect(json.warnings).toContain('Could not classify the document (kind unknown).');
  });

  it('returns the empty contract for empty text', () => {
    const json = toDryRunJson(parseDocument({ file: 'e.txt', text: '   \n\n ' }));
    expect(json.kind).toBe('unknown');
    expect(json.warnings).toEqual(['The document is empty.']);
    expect(dryRunResultSchema.safeParse(json).success).toBe(true);
  });

  it('does not throw for input that is not a string', () => {
    const parsed = parseDocument({ file: 'x', text: 42 as unknown as string });
    expect(dryRunResultSchema.safeParse(toDryRunJson(parsed)).success).toBe(true);
  });

  it('reads a reservation with its text quoted in the section and a party-name member', () => {
    const text = [
      '§ 5',
      'Budget för 2020',
      '',
      'Kommunstyrelsens beslut',
      'Kommunstyrelsen godkänner förslaget.',
      '',
      'Reservation',
      'Vänsterpartiet reserverade sig mot beslutet och anförde följande.',
      '”Budgeten saknar satsningar på skolan.”',
    ].join('\n');
    const json = toDryRunJson(parseDocument({ file: 'r.txt', text }));
    expect(json.body).toBe('Kommunstyrelsen');
    expect(json.reservations).toEqual([
      { members: [{ name: null, party: 'V', role: null }], parties: ['V'], inFavourOf: null, text: 'Budgeten saknar satsningar på skolan.' },
    ]);
  });
});
