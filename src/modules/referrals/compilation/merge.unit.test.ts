import { describe, expect, it } from 'vitest';
import { groupByParty, partiesOf, reservationText, stanceOf, type PartyEntry } from './merge.js';
import type { DecisionInput } from './model.js';
import { seed000Reservation, seed001Proposal } from './seed-texts.js';
import { comparisonKey, sameText } from './text.js';

const occurrence = (n: number, bodyName: string) => ({
  recipientId: `00000000-0000-4000-8000-00000000000${n}`,
  bodyId: `10000000-0000-4000-8000-00000000000${n}`,
  bodyName,
  registryNumber: null,
  meetingDate: '2016-09-22',
  paragraph: 13,
  inFavourOfOwnProposal: true,
  url: `/registry/cases/${n}`,
});

describe('stanceOf', () => {
  it('maps the recipient row to a stance', () => {
    expect(stanceOf({ status: 'declined', stance: null })).toBe('declined');
    // A declined round is declined whatever stance was left on the row.
    expect(stanceOf({ status: 'declined', stance: 'approves' })).toBe('declined');
    expect(stanceOf({ status: 'answered', stance: 'approves' })).toBe('approves');
    expect(stanceOf({ status: 'answered', stance: 'approvesWithViews' })).toBe('approvesWithViews');
    expect(stanceOf({ status: 'answered', stance: 'rejects' })).toBe('rejects');
    expect(stanceOf({ status: 'decided', stance: 'rejects' })).toBe('rejects');
    expect(stanceOf({ status: 'answered', stance: null })).toBe('unspecified');
    for (const status of ['pending', 'received', 'drafting', 'onAgenda', 'decided'] as const) {
      expect(stanceOf({ status, stance: null }), status).toBe('noAnswer');
    }
  });
});

describe('comparison of texts', () => {
  it('ignores line breaks, spacing, quotation marks, dashes, case and point numbers', () => {
    expect(comparisonKey('”1. Att godkänna\n\nförslaget – helt.”')).toBe(comparisonKey('Att  godkänna förslaget - helt.'));
    expect(comparisonKey('"Öppna   arkiv"\r\n')).toBe(comparisonKey('«öppna arkiv»'));
    expect(comparisonKey('Öppna arkiv')).not.toBe(comparisonKey('Öppna data'));
  });

  it('treats seed 000 and seed 001 as the same L text', () => {
    const a = comparisonKey(seed000Reservation());
    const p = seed001Proposal();
    const b = comparisonKey(`1. ${p.points[0]}\n2. ${p.points[1]}\n\n${p.text}`);
    expect(a).toBe(b);
    // Also when one copy lacks the two numbered points.
    expect(sameText(a, comparisonKey(p.text))).toBe(true);
    expect(sameText(a, comparisonKey(p.text.slice(0, 300)))).toBe(false);
  });
});

describe('reservationText', () => {
  const proposals: DecisionInput['proposals'] = [
    { id: 'p1', members: [{ name: 'Ordföranden', party: null, role: 'chair' }], parties: [], kind: 'supportsAdministration', points: [], text: '' },
    {
      id: 'p2',
      members: [{ name: 'Frida Johansson Metso', party: 'L', role: 'member' }],
      parties: ['L'],
      kind: 'own',
      points: ['Att godkänna förvaltningens förslag till beslut.', 'Att därutöver anföra följande.'],
      text: 'Liberalerna har länge drivit frågan.',
    },
  ];

  it('keeps a reservation of its own text', () => {
    expect(reservationText({ members: [], parties: ['L'], inFavourOfOwnProposal: true, text: ' Egen text. ' }, proposals)).toBe('Egen text.');
  });

  it('reads an empty reservation in favour of an own proposal as that proposal', () => {
    const text = reservationText(
      { members: [{ name: 'Inga-Lill Persson', party: 'L', role: 'servingSubstitute' }], parties: [], inFavourOfOwnProposal: true, text: '' },
      proposals,
    );
    expect(text).toBe('1. Att godkänna förvaltningens förslag till beslut.\n2. Att därutöver anföra följande.\n\nLiberalerna har länge drivit frågan.');
  });

  it('has no text for a plain reservation without text', () => {
    expect(reservationText({ members: [], parties: ['M'], inFavourOfOwnProposal: false, text: '' }, proposals)).toBe('');
  });
});

describe('groupByParty', () => {
  it('merges the identical L reservation of two boards, listing both bodies', () => {
    const p = seed001Proposal();
    const entries: PartyEntry[] = [
      {
        parties: ['L'],
        members: [{ name: 'Abit Dundar', party: 'L', role: 'member', others: true }],
        text: seed000Reservation(),
        occurrence: occurrence(1, 'Hägersten-Liljeholmens stadsdelsnämnd'),
      },
      {
        parties: [],
        members: [
          { name: 'Frida Johansson Metso', party: 'L', role: 'member' },
          { name: 'Inga-Lill Persson', party: 'L', role: 'servingSubstitute' },
        ],
        text: `1. ${p.points[0]}\n2. ${p.points[1]}\n\n${p.text}`,
        occurrence: occurrence(2, 'Socialnämnden'),
      },
      { parties: ['M'], members: [], text: 'En annan text om kostnader.', occurrence: occurrence(3, 'Kulturnämnden') },
    ];
    const groups = groupByParty(entries, new Map([['L', 'Liberalerna']]));
    expect(groups.map((g) => g.party)).toEqual(['L', 'M']);
    const l = groups[0]!;
    expect(l.partyName).toBe('Liberalerna');
    expect(l.texts).toHaveLength(1);
    expect(l.texts[0]!.occurrences.map((o) => o.bodyName)).toEqual(['Hägersten-Liljeholmens stadsdelsnämnd', 'Socialnämnden']);
    expect(l.texts[0]!.occurrences[1]!.members.map((m) => m.role)).toEqual(['member', 'servingSubstitute']);
    expect(l.texts[0]!.occurrences[1]!.parties).toEqual(['L']);
    expect(l.texts[0]!.text).toContain('Chydeniusinitiativet');
    expect(groups[1]!.partyName).toBeNull();
  });

  it('keeps different texts of one party apart, most given first, and lists joint reservations under each party', () => {
    const groups = groupByParty([
      { parties: ['S'], members: [], text: 'Text ett.', occurrence: occurrence(1, 'A') },
      { parties: ['S', 'V'], members: [], text: 'Text två.', occurrence: occurrence(2, 'B') },
      { parties: ['S'], members: [], text: '”Text  två.”', occurrence: occurrence(3, 'C') },
      { parties: [], members: [{ name: 'N.N.', party: null, role: null }], text: 'Utan parti.', occurrence: occurrence(4, 'D') },
    ]);
    expect(groups.map((g) => g.party)).toEqual(['S', 'V', '']);
    expect(groups[0]!.texts.map((t) => [t.text, t.occurrences.length])).toEqual([
      ['Text två.', 2],
      ['Text ett.', 1],
    ]);
    expect(groups[1]!.texts[0]!.occurrences.map((o) => o.bodyName)).toEqual(['B']);
    expect(groups[2]!.texts[0]!.occurrences[0]!.parties).toEqual([]);
  });

  it('takes parties from the members when none are listed', () => {
    expect(partiesOf({ parties: [], members: [{ name: 'a', party: 'L', role: 'member' }, { name: 'b', party: 'L', role: null }] })).toEqual(['L']);
    expect(partiesOf({ parties: ['MP', ' S '], members: [{ name: 'a', party: 'L', role: 'member' }] })).toEqual(['MP', 'S']);
    expect(partiesOf({ parties: [], members: [] })).toEqual(['']);
  });
});
