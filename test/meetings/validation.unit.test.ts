import { describe, expect, it } from 'vitest';
import { checkItemContent, updateItemInput, type ItemContent } from '../../src/modules/meetings/commands/inputs.js';
import { formField, itemFormInput, itemFormValues, remapInvalid, attendanceFormInput } from '../../src/modules/meetings/http/form-input.js';
import { formatWho, memberLine, parseAttendeeLine, parseMemberLine, parseParties, parseRollCallLine } from '../../src/modules/meetings/notation.js';
import { Invalid } from '../../src/core/errors.js';
import { validate } from '../../src/core/validation.js';

const content = (c: Partial<ItemContent>): ItemContent => ({ proposals: [], procedure: null, reservations: [], specialStatements: [], ...c });
const member = { name: 'Anna Ek', party: 'S', role: null } as const;

describe('minutes notation', () => {
  it('reads members as minutes write them', () => {
    expect(parseMemberLine('Abit Dundar m.fl. (L)')).toEqual({ ok: true, value: { name: 'Abit Dundar', party: 'L', role: null, others: true } });
    expect(parseMemberLine('Ledamoten Frida Johansson Metso (L)')).toEqual({ ok: true, value: { name: 'Frida Johansson Metso', party: 'L', role: 'member' } });
    expect(parseMemberLine('tjänstgörande ersättaren Inga-Lill Persson')).toEqual({ ok: true, value: { name: 'Inga-Lill Persson', party: null, role: 'servingSubstitute' } });
    expect(parseMemberLine('Ordföranden')).toEqual({ ok: true, value: { name: '', party: null, role: 'chair' } });
    expect(parseMemberLine('Anna Ek (Liberalerna)')).toEqual({ ok: false, error: 'meetings.member.party' });
    expect(parseMemberLine('Ledamoten (S)')).toEqual({ ok: false, error: 'meetings.member.name' });
    expect(parseMemberLine('Anna (S) Ek')).toEqual({ ok: false, error: 'meetings.member.format' });
  });

  it('writes members back the same way', () => {
    for (const line of ['Abit Dundar m.fl. (L)', 'Ledamoten Frida Johansson Metso (L)', 'Tjänstgörande ersättaren Inga-Lill Persson', 'Ordföranden', 'Ordföranden Bo Berg (M)']) {
      const parsed = parseMemberLine(line);
      expect(parsed.ok && memberLine(parsed.value)).toBe(line);
    }
    expect(formatWho({ members: [], parties: ['S', 'V', 'MP'] })).toBe('ledamöterna från (S), (V) och (MP)');
  });

  it('reads parties, roll calls and attendees', () => {
    expect(parseParties('S, V (MP)')).toEqual({ ok: true, value: ['S', 'V', 'MP'] });
    expect(parseParties('Socialdemokraterna')).toEqual({ ok: false, error: 'meetings.member.party' });
    expect(parseRollCallLine('Anna Ek (S): ja')).toEqual({ ok: true, value: { name: 'Anna Ek', party: 'S', vote: 'yes' } });
    expect(parseRollCallLine('Bo Berg avstår')).toEqual({ ok: true, value: { name: 'Bo Berg', party: null, vote: 'abstain' } });
    expect(parseRollCallLine('Bo Berg kanske').ok).toBe(false);
    expect(parseAttendeeLine('Tjänstgörande ersättaren Inga-Lill Persson (L) ersätter Frida Johansson Metso (L)')).toEqual({
      ok: true,
      value: { name: 'Inga-Lill Persson', party: 'L', role: 'servingSubstitute', replacesName: 'Frida Johansson Metso (L)' },
    });
    expect(parseAttendeeLine('Ordföranden Bo Berg (M)')).toEqual({ ok: true, value: { name: 'Bo Berg', party: 'M', role: 'chair', replacesName: null } });
  });
});

describe('item validation', () => {
  it('wants counts for a vote, and no counts without one', () => {
    expect(checkItemContent(content({ procedure: { kind: 'vote' } }), 10)).toEqual({
      'procedure.votesYes': ['meetings.vote.countsRequired'],
      'procedure.votesNo': ['meetings.vote.countsRequired'],
    });
    expect(checkItemContent(content({ procedure: { kind: 'acclamation', text: 'Ordföranden fann …', votesYes: 3 } }), 10)).toEqual({
      'procedure.votesYes': ['meetings.vote.onlyForVote'],
    });
    expect(checkItemContent(content({ procedure: { kind: 'acclamation' } }), 10)).toEqual({ 'procedure.text': ['meetings.procedure.textRequired'] });
  });

  it('refuses more votes than voting attendees, and a roll call that does not add up', () => {
    expect(checkItemContent(content({ procedure: { kind: 'vote', votesYes: 8, votesNo: 4, votesAbstain: 0 } }), 11)).toEqual({
      'procedure.votesYes': ['meetings.vote.moreThanAttendees'],
    });
    expect(checkItemContent(content({ procedure: { kind: 'vote', votesYes: 8, votesNo: 4 } }), null)).toEqual({});
    const rollCall = [
      { name: 'Anna Ek', party: 'S', vote: 'yes' as const },
      { name: 'Bo Berg', party: 'M', vote: 'no' as const },
    ];
    expect(checkItemContent(content({ procedure: { kind: 'vote', votesYes: 2, votesNo: 0, rollCall } }), 11)).toEqual({
      'procedure.rollCall': ['meetings.vote.rollCallMismatch'],
    });
    expect(checkItemContent(content({ procedure: { kind: 'vote', votesYes: 1, votesNo: 1, rollCall } }), 11)).toEqual({});
  });

  it('wants someone behind proposals, reservations and statements', () => {
    const errors = checkItemContent(
      content({
        proposals: [{ members: [], parties: [], kind: 'own', points: [], text: '' }],
        reservations: [{ members: [], parties: [], inFavourOfProposal: null, text: '' }],
        specialStatements: [{ members: [member], text: '' }],
      }),
      null,
    );
    expect(errors).toEqual({
      'proposals.0.members': ['meetings.who.required'],
      'proposals.0.points': ['meetings.proposal.contentRequired'],
      'reservations.0.members': ['meetings.who.required'],
      'specialStatements.0.text': ['meetings.statement.textRequired'],
    });
  });

  it('lets a reservation favour only an own proposal', () => {
    const proposals = [{ members: [member], kind: 'supportsAdministration' as const, points: [], text: '' }];
    expect(checkItemContent(content({ proposals, reservations: [{ members: [member], inFavourOfProposal: 1, text: '' }] }), null)).toEqual({
      'reservations.0.inFavourOfProposal': ['meetings.reservation.notOwnProposal'],
    });
    expect(checkItemContent(content({ proposals, reservations: [{ members: [member], inFavourOfProposal: 2, text: '' }] }), null)).toEqual({
      'reservations.0.inFavourOfProposal': ['meetings.reservation.unknownProposal'],
    });
  });

  it('checks the shape with zod: party abbreviations, names, unknown fields', () => {
    expect(() => validate(updateItemInput, { proposals: [{ kind: 'own', members: [{ name: 'Anna', party: 'Liberalerna' }] }] })).toThrow(Invalid);
    expect(() => validate(updateItemInput, { proposals: [{ kind: 'own', members: [{ name: '', party: 'L' }] }] })).toThrow(Invalid);
    expect(validate(updateItemInput, { proposals: [{ kind: 'own', members: [{ name: '', party: null, role: 'chair' }] }] }).proposals![0]!.members[0]).toEqual({
      name: '',
      party: null,
      role: 'chair',
    });
    expect(() => validate(updateItemInput, { colour: 'red' })).toThrow(Invalid);
  });
});

describe('the item form', () => {
  const values = {
    title: 'Strategi',
    'proposals.0.members': 'Jessica Jormtun m.fl. (MP)\nEva Fagerhem m.fl. (S)',
    'proposals.0.kind': 'supportsAdministration',
    'proposals.1.remove': '1',
    'proposals.1.members': 'Någon (C)',
    'proposals.2.members': 'Abit Dundar m.fl. (L)',
    'proposals.2.kind': 'own',
    'proposals.2.points': '1. Att godkänna.\nAtt anföra.',
    'reservations.0.members': 'Abit Dundar m.fl. (L)',
    'reservations.0.inFavourOfProposal': '3',
    'procedure.kind': 'vote',
    'procedure.votesYes': '7',
    'procedure.votesNo': '4',
    decisionPoints: 'Nämnden godkänner.\n',
  };

  it('drops removed and empty groups and renumbers the favoured proposal', () => {
    const { input, map } = itemFormInput(values);
    expect(input.proposals).toHaveLength(2);
    expect(map.proposals).toEqual([0, 2]);
    expect(input.reservations![0]!.inFavourOfProposal).toBe(2);
    expect(input.procedure).toMatchObject({ kind: 'vote', votesYes: 7, votesNo: 4, votesAbstain: null });
    expect(input.decisionPoints).toEqual(['Nämnden godkänner.']);
    expect(input.proposals![1]!.points).toEqual(['Att godkänna.', 'Att anföra.']);
    expect(formField('proposals.1.points', map)).toBe('proposals.2.points');
    expect(formField('proposals.1.members.0.party', map)).toBe('proposals.2.members');
    expect(formField('procedure.rollCall.2.name', map)).toBe('procedure.rollCall');
    expect(formField('caseId', map)).toBe('registryNumber');
  });

  it('reports unreadable lines on their field', () => {
    try {
      itemFormInput({ ...values, 'proposals.2.members': 'Abit (L) Dundar', 'procedure.rollCall': 'Anna Ek kanske' });
      expect.unreachable();
    } catch (e) {
      expect((e as Invalid).fields).toEqual({ 'proposals.2.members': ['meetings.member.format'], 'procedure.rollCall': ['meetings.rollCall.format'] });
    }
    const remapped = remapInvalid(new Invalid({ 'proposals.1.points': ['x'] }), (p) => formField(p, { proposals: [0, 2], reservations: [], specialStatements: [] }));
    expect(remapped.fields).toEqual({ 'proposals.2.points': ['x'] });
  });

  it('turns a stored item back into form values', () => {
    const now = new Date();
    const v = itemFormValues({
      id: 'i',
      meetingId: 'm',
      paragraph: 13,
      title: 'T',
      subtitle: null,
      caseId: null,
      registryNumber: null,
      caseConfidentiality: null,
      caseBodyId: null,
      matterText: 'M',
      administrationProposal: ['A'],
      debateClosedText: null,
      procedureKind: 'vote',
      procedureText: null,
      votesYes: 1,
      votesNo: 1,
      votesAbstain: 0,
      rollCall: [{ name: 'Anna Ek', party: 'S', vote: 'yes' }],
      decisionPoints: ['D1', 'D2'],
      immediateApproval: false,
      finalOn: null,
      extractDocumentId: null,
      position: 1,
      createdAt: now,
      updatedAt: now,
      proposals: [{ id: 'p1', itemId: 'i', position: 1, members: [{ name: 'Anna Ek', party: 'S', role: 'member' }], parties: ['S', 'V'], kind: 'own', points: ['P'], text: 'T' }],
      reservations: [{ id: 'r1', itemId: 'i', position: 1, members: [], parties: ['V'], inFavourOfProposalId: 'p1', text: '' }],
      specialStatements: [],
    });
    expect(v).toMatchObject({
      paragraph: '13',
      'proposals.0.members': 'Ledamoten Anna Ek (S)',
      'proposals.0.parties': 'V',
      'reservations.0.inFavourOfProposal': '1',
      'procedure.rollCall': 'Anna Ek (S): ja',
      decisionPoints: 'D1\nD2',
    });
  });

  it('builds the attendance from ticked members and typed lines, chair first', () => {
    const choices = [
      { personId: 'a', name: 'Anna Ek', party: 'S', role: 'member' as const },
      { personId: 'b', name: 'Bo Berg', party: 'M', role: 'chair' as const },
      { personId: 'c', name: 'Cia Dahl', party: 'L', role: 'substitute' as const },
    ];
    const { attendees } = attendanceFormInput(
      { 'present.a': '1', 'present.b': '1', 'role.b': 'chair', 'present.c': '1', 'role.c': 'servingSubstitute', 'replaces.c': 'Dan Ek (L)', others: 'Eva Ny (V)' },
      choices,
    );
    expect(attendees.map((a) => [a.name, a.role, a.replacesName ?? null])).toEqual([
      ['Bo Berg', 'chair', null],
      ['Anna Ek', 'member', null],
      ['Eva Ny', 'member', null],
      ['Cia Dahl', 'servingSubstitute', 'Dan Ek (L)'],
    ]);
    expect(() => attendanceFormInput({ others: 'Anna m.fl. (S)' }, choices)).toThrow(Invalid);
  });
});
