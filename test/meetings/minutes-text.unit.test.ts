import { describe, expect, it } from 'vitest';
import {
  buildExtract,
  extractPdfBlocks,
  extractText,
  genitive,
  organOf,
  procedureParagraphs,
  proposalSentence,
  reservationContent,
  reservationSentence,
  rollCallLines,
  specialStatementSentence,
  voteSentence,
  type ExtractSource,
  type Wording,
} from '../../src/modules/meetings/minutes-text.js';
import type { MinutesMember } from '../../src/modules/meetings/schema.js';

const past: Wording = { tense: 'past', organ: organOf('districtBoard') };
const present: Wording = { tense: 'present', organ: organOf('specialistBoard') };
const m = (name: string, party: string | null, extra: Partial<MinutesMember> = {}): MinutesMember => ({ name, party, role: null, ...extra });

const seed000Supporters = [
  m('Jessica Jormtun', 'MP', { others: true }),
  m('Eva Fagerhem', 'S', { others: true }),
  m('Carita Stenbacka Tenezakis', 'V'),
  m('Lars Svärd', 'M', { others: true }),
];
const frida = m('Frida Johansson Metso', 'L', { role: 'member' });
const ingaLill = m('Inga-Lill Persson', 'L', { role: 'servingSubstitute' });

describe('proposal sentences', () => {
  it('writes seed 000 in the past tense', () => {
    expect(proposalSentence({ members: seed000Supporters, parties: ['MP', 'S', 'V', 'M'], kind: 'supportsAdministration' }, past)).toBe(
      'Jessica Jormtun m.fl. (MP), Eva Fagerhem m.fl. (S), Carita Stenbacka Tenezakis (V) och Lars Svärd m.fl. (M) föreslog att nämnden skulle besluta enligt förvaltningens förslag.',
    );
    expect(proposalSentence({ members: [m('Abit Dundar', 'L', { others: true })], parties: ['L'], kind: 'own' }, past)).toBe(
      'Abit Dundar m.fl. (L) lade fram ett förslag och föreslog att nämnden skulle ställa sig bakom det.',
    );
  });

  it('writes seed 001 in the present tense, with roles and the chair without a name', () => {
    expect(proposalSentence({ members: [m('', null, { role: 'chair' })], parties: [], kind: 'supportsAdministration' }, present)).toBe(
      'Ordföranden föreslår att nämnden beslutar enligt förvaltningens förslag.',
    );
    expect(proposalSentence({ members: [frida, { ...ingaLill, party: null }], parties: ['L'], kind: 'own' }, present)).toBe(
      'Ledamoten Frida Johansson Metso (L) och tjänstgörande ersättaren Inga-Lill Persson föreslår att nämnden beslutar följande:',
    );
  });

  it('names the body as its kind calls it', () => {
    const board: Wording = { tense: 'past', organ: organOf('companyBoard') };
    expect(proposalSentence({ members: [m('Anna Ek', 'S')], parties: ['S'], kind: 'supportsAdministration' }, board)).toBe(
      'Anna Ek (S) föreslog att styrelsen skulle besluta enligt förvaltningens förslag.',
    );
    expect(genitive('Socialnämnden')).toBe('Socialnämndens');
    expect(genitive('Kommunfullmäktiges')).toBe('Kommunfullmäktiges');
  });

  it('has English sentences for the pages', () => {
    expect(proposalSentence({ members: seed000Supporters.slice(0, 2), parties: [], kind: 'supportsAdministration' }, past, 'en')).toBe(
      "Jessica Jormtun et al. (MP) and Eva Fagerhem et al. (S) proposed that the board decide according to the administration's proposal.",
    );
    expect(reservationSentence({ members: [frida, ingaLill], parties: ['L'], inFavourOwnProposal: true }, present, 'en')).toBe(
      'Member Frida Johansson Metso (L) and serving substitute Inga-Lill Persson (L) reserved against the decision in favour of their own proposal.',
    );
    expect(specialStatementSentence({ members: [], parties: ['V', 'S'] }, past, 'en')).toBe('The members of (V) and (S) made a special statement.');
  });
});

describe('reservations, statements and votes', () => {
  it('reserves as the seeds do', () => {
    expect(reservationSentence({ members: [m('Abit Dundar', 'L', { others: true })], parties: ['L'], inFavourOwnProposal: true }, past)).toBe(
      'Abit Dundar m.fl. (L) reserverade sig till förmån för eget förslag.',
    );
    expect(reservationSentence({ members: [frida, ingaLill], parties: ['L'], inFavourOwnProposal: true }, present)).toBe(
      'Ledamoten Frida Johansson Metso (L) och tjänstgörande ersättaren Inga-Lill Persson (L) reserverar sig mot nämndens beslut till förmån för sitt eget förslag som redovisas nedan.',
    );
    expect(reservationSentence({ members: [], parties: ['SD'], inFavourOwnProposal: false }, past)).toBe('Ledamöterna från (SD) reserverade sig mot beslutet.');
    expect(reservationSentence({ members: [m('Bo Berg', 'M')], parties: ['M'], inFavourOwnProposal: false }, present)).toBe('Bo Berg (M) reserverar sig mot nämndens beslut.');
  });

  it('writes special statements', () => {
    expect(specialStatementSentence({ members: [m('Anna Ek', 'S')], parties: ['S', 'V'] }, past)).toBe('Anna Ek (S) och ledamöterna från (V) lämnade ett särskilt uttalande.');
    expect(specialStatementSentence({ members: [m('Anna Ek', 'S')], parties: ['S'] }, present)).toBe('Anna Ek (S) lämnar ett särskilt uttalande.');
  });

  it('counts votes and lists the roll call', () => {
    expect(voteSentence({ yes: 7, no: 4, abstain: 0 }, past)).toBe('Votering genomfördes. 7 röstade ja, 4 röstade nej och 0 avstod från att rösta.');
    expect(voteSentence({ yes: 7, no: 4, abstain: 1 }, present)).toBe('Votering genomförs. 7 röstar ja, 4 röstar nej och 1 avstår från att rösta.');
    expect(
      rollCallLines([
        { name: 'Anna Ek', party: 'S', vote: 'yes' },
        { name: 'Bo Berg', party: 'M', vote: 'no' },
        { name: 'Cia Ek', party: null, vote: 'yes' },
      ]),
    ).toEqual(['Ja: Anna Ek (S) och Cia Ek.', 'Nej: Bo Berg (M).']);
    expect(procedureParagraphs({ kind: 'vote', text: 'Votering begärdes.', votes: { yes: 1, no: 1, abstain: 0 }, rollCall: [] }, past)).toEqual([
      'Votering begärdes.',
      'Votering genomfördes. 1 röstade ja, 1 röstade nej och 0 avstod från att rösta.',
    ]);
    expect(procedureParagraphs({ kind: null, text: 'x', votes: null, rollCall: [] }, past)).toEqual([]);
  });

  it('reads a reservation without text as its own proposal', () => {
    const proposals = [{ members: [], parties: ['L'], kind: 'own' as const, points: ['Att A.', 'Att B.'], text: 'Stycke ett.\nStycke två.' }];
    expect(reservationContent({ members: [], parties: ['L'], inFavourOf: 0, text: '' }, proposals)).toEqual(['1. Att A.', '2. Att B.', 'Stycke ett.', 'Stycke två.']);
    expect(reservationContent({ members: [], parties: ['L'], inFavourOf: 0, text: 'Egen text.' }, proposals)).toEqual(['Egen text.']);
    expect(reservationContent({ members: [], parties: ['L'], inFavourOf: null, text: '' }, proposals)).toEqual([]);
  });
});

describe('the extract', () => {
  const base: ExtractSource = {
    bodyName: 'Kulturnämnden',
    bodyKind: 'specialistBoard',
    meetingDate: '2016-09-22',
    tense: 'past',
    paragraph: 7,
    title: 'Svar på remiss',
    subtitle: null,
    registryNumber: '171-908/2016',
    matterText: '',
    proposals: [],
    debateClosedText: null,
    procedure: { kind: null, text: null, votes: null, rollCall: [] },
    decisionPoints: ['Nämnden godkänner förvaltningens förslag.'],
    reservations: [],
    specialStatements: [],
    immediateApproval: false,
    finalOn: null,
    approvers: [],
  };

  it('prints one decision point without a number and several numbered', () => {
    expect(extractText(buildExtract(base))).toContain('Beslut\n\nNämnden godkänner förvaltningens förslag.\n');
    const two = extractText(buildExtract({ ...base, decisionPoints: ['Ett.', 'Två.'] }));
    expect(two).toContain('Beslut\n\n1. Ett.\n2. Två.\n');
  });

  it('marks drafts and states the approval of final extracts', () => {
    expect(extractText(buildExtract(base))).toContain('Utkast: paragrafen är inte justerad.');
    const final = extractText(buildExtract({ ...base, finalOn: '2016-09-29', approvers: ['Anna Ek'] }));
    expect(final).not.toContain('Utkast');
    expect(final).toContain('Protokollet justerades den 29 september 2016.\n\nJusterare: Anna Ek.');
    const immediate = extractText(buildExtract({ ...base, finalOn: '2016-09-22', immediateApproval: true, approvers: ['Anna Ek'] }));
    expect(immediate).toContain('Paragrafen förklarades omedelbart justerad.');
    expect(immediate).toContain('Paragrafen justerades omedelbart den 22 september 2016.');
    expect(immediate).not.toContain('Justerare');
  });

  it('prints an own proposal without a reservation after its sentence, in quotation marks', () => {
    const text = extractText(
      buildExtract({
        ...base,
        proposals: [{ members: [m('Anna Ek', 'S')], parties: ['S'], kind: 'own', points: ['Att bifalla.'], text: 'Motivering.' }],
      }),
    );
    expect(text).toContain('Anna Ek (S) lade fram ett förslag och föreslog att nämnden skulle ställa sig bakom det.\n\n”Att bifalla.\n\nMotivering.”');
  });

  it('lays out the PDF with the same blocks', () => {
    const blocks = extractPdfBlocks(buildExtract({ ...base, subtitle: 'Yttrande', decisionPoints: ['Ett.', 'Två.'] }));
    expect(blocks[0]).toEqual({ kind: 'paragraph', text: 'Protokollsutdrag – Kulturnämnden, sammanträde den 22 september 2016' });
    expect(blocks).toContainEqual({ kind: 'heading', text: '§ 7', level: 1 });
    expect(blocks).toContainEqual({ kind: 'points', items: ['Ett.', 'Två.'] });
  });
});
