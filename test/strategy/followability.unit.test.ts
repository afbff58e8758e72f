import { describe, expect, it } from 'vitest';
import { checkFollowability, countFindings, isMeasurable, isVagueGoal, type FollowabilityInput } from '../../src/modules/strategy/followability.js';

const base = (): FollowabilityInput => ({
  focusAreas: [
    { id: 'fa1', title: 'Fokus på invånarnas behov' },
    { id: 'fa2', title: 'Samverkan' },
    { id: 'fa3', title: 'Tomt område' },
  ],
  goals: [
    { id: 'g1', title: 'Minst 100 e-tjänster ska finnas senast 2010', focusAreaId: 'fa1', ownerBodyId: 'ks' },
    { id: 'g2', title: 'Ökad samordning och samverkan', focusAreaId: 'fa2', ownerBodyId: null },
    { id: 'g3', title: 'Prioriterad styrning och ledning', description: 'Antalet beslut som fattas ska halveras.', focusAreaId: 'fa2', ownerBodyId: 'ks' },
    { id: 'g4', title: 'Ett Stockholm för alla', focusAreaId: null, ownerBodyId: 'ks' },
  ],
  indicators: [
    { id: 'i1', goalId: 'g1', name: 'Antal e-tjänster', target: 100 },
    { id: 'i2', goalId: 'g3', name: 'Antal beslut', target: null },
    { id: 'i3', goalId: 'g3', name: 'Ledtid', target: 30 },
  ],
  actions: [{ goalId: 'g1' }, { goalId: 'g4' }, { goalId: null }],
});

describe('the followability check', () => {
  it('lists every goal without an indicator, owner, target value or action, and every vague or empty focus area', () => {
    const findings = checkFollowability(base());
    expect(findings.map((f) => [f.subject, f.reason, f.subject === 'goal' ? f.goalId : f.focusAreaId])).toEqual([
      ['goal', 'noIndicator', 'g2'],
      ['goal', 'noOwner', 'g2'],
      ['goal', 'noAction', 'g2'],
      ['goal', 'indicatorWithoutTarget', 'g3'],
      ['goal', 'noAction', 'g3'],
      ['goal', 'noIndicator', 'g4'],
      ['focusArea', 'vagueGoals', 'fa2'],
      ['focusArea', 'noGoals', 'fa3'],
    ]);
    const vague = findings.find((f) => f.reason === 'vagueGoals');
    expect(vague).toMatchObject({ goals: [{ id: 'g2', title: 'Ökad samordning och samverkan' }] });
    expect(vague!.text.sv).toBe('Insatsområdet ”Samverkan”: 1 av 2 mål är vaga och svåra att följa upp: ”Ökad samordning och samverkan”.');
    expect(vague!.text.en).toBe('Focus area “Samverkan”: 1 of 2 goals are vague and hard to follow up: ”Ökad samordning och samverkan”.');
    const target = findings.find((f) => f.reason === 'indicatorWithoutTarget');
    expect(target).toMatchObject({ indicatorId: 'i2', indicatorName: 'Antal beslut' });
    expect(target!.text.sv).toBe('Indikatorn ”Antal beslut” för målet ”Prioriterad styrning och ledning” har inget målvärde.');
    expect(countFindings(findings)).toEqual({ noIndicator: 2, noOwner: 1, indicatorWithoutTarget: 1, noAction: 2, vagueGoals: 1, noGoals: 1 });
  });

  it('finds nothing in a followable strategy', () => {
    const s = base();
    s.focusAreas = [s.focusAreas[0]!];
    s.goals = [s.goals[0]!];
    s.indicators = [s.indicators[0]!];
    expect(checkFollowability(s)).toEqual([]);
  });

  it('ignores indicators and actions of goals outside the strategy', () => {
    const s = base();
    s.indicators.push({ id: 'x', goalId: 'elsewhere', name: 'Annan', target: null });
    expect(checkFollowability(s).some((f) => f.reason === 'indicatorWithoutTarget' && f.indicatorId === 'x')).toBe(false);
  });
});

describe('measurable goals', () => {
  it.each([
    ['Andelen ärenden som inleds digitalt ska öka', true],
    ['Minska energianvändningen', true],
    ['Väntetiderna ska halveras', true],
    ['Antalet e-tjänster ska fördubblas till 2030', true],
    ['Uppnå full täckning', true],
    ['Minst hälften av invånarna', true],
    ['Klart senast vid årets slut', true],
    ['75 % av ärendena', true],
    ['Ökad samordning och samverkan', false],
    ['Prioriterad styrning och ledning', false],
    ['Etablera användarnära funktioner och IT-tjänster med efterfrågad funktionalitet och prestanda', false],
    ['Service som utgår från invånarens livssituation', false],
    ['Increase the share of digital cases', true],
  ])('%s → %s', (text, measurable) => {
    expect(isMeasurable(text)).toBe(measurable);
  });

  it('reads the description too', () => {
    expect(isVagueGoal({ title: 'Bättre service' })).toBe(true);
    expect(isVagueGoal({ title: 'Bättre service', description: 'Nöjdheten ska höjas till 80.' })).toBe(false);
  });
});
