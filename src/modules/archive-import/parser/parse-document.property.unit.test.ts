import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dryRunResultSchema, parseDocument, repairOcr, toDryRunJson } from './index.js';

const HEADINGS = [
  'Beslut', 'Socialnämndens beslut', 'Förslag till beslut', 'Kulturförvaltningens förslag till beslut', 'Beslutsgång',
  'Beslutsordning', 'Reservation', 'Särskilt uttalande', 'Ärendet', 'Sammanfattning', 'Bakgrund', 'Ärendets beredning',
  'Förvaltningens synpunkter', 'Bilagor', 'Bilaga', 'Bilagor: 1. Remiss', 'Handläggare', 'Till', '§ 13', '## **Utlåtande**',
  '# PM', 'Protokollsutdrag', 'Omröstning', 'Yrkanden', '**Till**',
];
const LINES = [
  'Jessica Jormtun m.fl. (MP) och Lars Svärd (M) föreslog att nämnden skulle besluta enligt förvaltningens förslag.',
  'Ledamoten Frida Johansson Metso (L) och tjänstgörande ersättaren Inga-Lill Persson reserverar sig till förmån för sitt eget förslag som redovisas nedan.',
  'Ordföranden föreslår att nämnden beslutar följande:', '1. Att godkänna förvaltningens förslag till beslut.',
  '2) Nämnden överlämnar ärendet till kommunstyrelsen.', '- Att remissvaret godkänns.', '”Citat som inte slutar',
  'Dnr 304-2016-1.5.1', 'Dnr ???', 'Remisstiden sträcker sig till den 30 september 2016, remissbrevet är daterat den 14 juni 2017.',
  'Arjun Bakshi', 'arbetsmarknadsdirektör Arja Lindholm', 'kommunikationschef', 'Till Kulturnämnden', 'Med 7 ja-röster mot 4 nej-röster.',
  'Hägersten-Liljeholmens stadsdelsnämnd godkänner förvaltningens tjänsteutlåtande.', 'Arbetsmarknadsforvaltningen ar positiv pa 1 sitt.',
  'Sammanträdesdatum 2019-02-31', 'Remiss från kommunstyrelsen', 'genom-', 'forandet av strategin', ' ', '', '***', '\t',
];

const fragment = fc.oneof(
  fc.constantFrom(...HEADINGS),
  fc.constantFrom(...LINES),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.lorem({ maxCount: 12 }),
);
const separator = fc.constantFrom('\n', '\n\n', '\r\n', '\n \n\n', ' ', '\r');
const documentText = fc
  .array(fc.tuple(fragment, separator), { maxLength: 40 })
  .map((parts) => parts.map(([f, s]) => f + s).join(''));

function checkContract(text: string): void {
  const parsed = parseDocument({ file: 'random.txt', text });
  const json = toDryRunJson(parsed);
  const check = dryRunResultSchema.safeParse(json);
  if (!check.success) throw new Error(`${check.error.message}\n${JSON.stringify(json)}`);
  expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  expect(parsed.originalText).toBe(text);
  // the safety net in parseDocument must not be what kept it from throwing
  expect(json.warnings.filter((w) => w.startsWith('The parser failed'))).toEqual([]);
}

describe('parseDocument properties', () => {
  it('never throws and always returns the contract shape for random strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 })), (text) => {
        checkContract(text);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });

  it('never throws and always returns the contract shape for random mixes of headings and text', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        checkContract(text);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });

  it('repairOcr never throws and only changes words', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        const r = repairOcr(text);
        expect(r.text.replace(/[\p{L}\p{N}&|]+/gu, '')).toBe(text.replace(/[\p{L}\p{N}&|]+/gu, ''));
      }),
      { numRuns: 200 },
    );
  });
});
