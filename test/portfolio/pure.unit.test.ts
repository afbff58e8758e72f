import { describe, expect, it } from 'vitest';
import { dependencyOrder, findDependencyCycle, findParentCycle } from '../../src/modules/portfolio/graph.js';
import { rollUpProgress } from '../../src/modules/portfolio/rollup.js';
import { DEFAULT_CRITERIA, rank, weightedScore } from '../../src/modules/portfolio/scoring.js';
import { fundingDecisionText } from '../../src/modules/portfolio/commands/record-funding-decision.js';

describe('rollUpProgress (Decidim accountability style)', () => {
  it('gives a parent the weighted mean of its children, recursively', () => {
    const result = rollUpProgress([
      { id: 'program', parentId: null, weight: 1, progress: 99 },
      { id: 'a', parentId: 'program', weight: 3, progress: 40 },
      { id: 'b', parentId: 'program', weight: 1, progress: null },
      { id: 'b1', parentId: 'b', weight: 1, progress: 100 },
      { id: 'b2', parentId: 'b', weight: 1, progress: 50 },
      { id: 'alone', parentId: null, weight: 1, progress: null },
    ]);
    expect(result.get('b')).toEqual({ progress: 75, fromChildren: true, children: 2 });
    // (40 × 3 + 75 × 1) / 4; the parent's own report does not count
    expect(result.get('program')).toEqual({ progress: 48.75, fromChildren: true, children: 2 });
    expect(result.get('a')).toEqual({ progress: 40, fromChildren: false, children: 0 });
    expect(result.get('alone')).toEqual({ progress: 0, fromChildren: false, children: 0 });
  });

  it('uses the plain mean when all weights are zero, clamps to 0–100 and survives a cycle', () => {
    const zero = rollUpProgress([
      { id: 'p', parentId: null, weight: 1, progress: null },
      { id: 'x', parentId: 'p', weight: 0, progress: 20 },
      { id: 'y', parentId: 'p', weight: 0, progress: 140 },
    ]);
    expect(zero.get('p')!.progress).toBe(60);
    expect(zero.get('y')!.progress).toBe(100);
    const loop = rollUpProgress([
      { id: 'a', parentId: 'b', weight: 1, progress: 10 },
      { id: 'b', parentId: 'a', weight: 1, progress: 30 },
    ]);
    expect([...loop.keys()].sort()).toEqual(['a', 'b']);
    // An orphan (its parent is not in the set) counts as a root.
    expect(rollUpProgress([{ id: 'o', parentId: 'gone', weight: 1, progress: 5 }]).get('o')!.progress).toBe(5);
  });
});

describe('dependency and parent cycles', () => {
  const edges = [
    { projectId: 'sensors', dependsOnId: 'platform' },
    { projectId: 'platform', dependsOnId: 'network' },
  ];
  it('finds the cycle a change would close, as a path back to the project', () => {
    expect(findDependencyCycle(edges, 'network', ['sensors'])).toEqual(['network', 'sensors', 'platform', 'network']);
    expect(findDependencyCycle(edges, 'network', ['network'])).toEqual(['network', 'network']);
    expect(findDependencyCycle(edges, 'sensors', ['network'])).toBeNull();
    // Replacing a project's own dependencies removes its old edges first.
    expect(findDependencyCycle(edges, 'platform', [])).toBeNull();
  });
  it('finds a parent chain that comes back to the project', () => {
    const parents = new Map<string, string | null>([
      ['child', 'parent'],
      ['parent', 'root'],
      ['root', null],
    ]);
    expect(findParentCycle(parents, 'root', 'child')).toEqual(['root', 'child', 'parent', 'root']);
    expect(findParentCycle(parents, 'child', 'root')).toBeNull();
    expect(findParentCycle(parents, 'x', null)).toBeNull();
  });
  it('orders projects after what they depend on, or says there is a cycle', () => {
    const deps = new Map([
      ['a', ['b']],
      ['b', ['c']],
    ]);
    expect(dependencyOrder(['a', 'b', 'c'], deps)).toEqual(['c', 'b', 'a']);
    expect(dependencyOrder(['a', 'b'], new Map([['a', ['b']], ['b', ['a']]]))).toBeNull();
  });
});

describe('weighted scores and ranking', () => {
  it('weights the criteria and counts risk and cost inversely; unscored criteria give nothing', () => {
    const all = { goalContribution: 5, residentBenefit: 4, readiness: 3, risk: 1, cost: 2 };
    // 3·5 + 3·4 + 2·3 + 1·(5 − 1) + 1·(5 − 2) = 40; Σ weights = 10
    expect(weightedScore(DEFAULT_CRITERIA, all)).toEqual({ points: 40, score: 4, scored: 5, complete: true });
    expect(weightedScore(DEFAULT_CRITERIA, { goalContribution: 5 })).toEqual({ points: 15, score: 1.5, scored: 1, complete: false });
    expect(weightedScore(DEFAULT_CRITERIA, { risk: 5, cost: 5 }).points).toBe(0);
  });
  it('ranks by points with shared ranks for ties', () => {
    const r = rank(
      [
        ['a', 10],
        ['b', 30],
        ['c', 10],
        ['d', 5],
      ].map(([item, points]) => ({ item, result: { points: points as number, score: 0, scored: 0, complete: false } })),
    );
    expect(r.map((e) => [e.item, e.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });
});

describe('the funding decision as the minutes print it', () => {
  it('lists the funded projects and amounts in Swedish', () => {
    const text = fundingDecisionText(
      { title: 'Prioritering 2027', year: 2027, budget: 10_000_000, criteria: DEFAULT_CRITERIA, councilBodyName: 'Digitaliseringsrådet' },
      [{ title: 'Öppen dataplattform', ownerBodyName: 'Kommunstyrelsen', amount: 4_000_000 }],
      5,
      true,
    );
    expect(text.title).toBe('Prioritering och finansiering av projekt 2027: Prioritering 2027');
    expect(text.decisionPoints).toEqual([
      'Digitaliseringsrådet beslutar att finansiera följande projekt år 2027, sammanlagt 4 000 000 kr inom ramen 10 000 000 kr:',
      'Öppen dataplattform (Kommunstyrelsen): 4 000 000 kr.',
      'Projektägarna rapporterar status per period i Stadsnav.',
    ]);
    expect(text.matterText).toContain('5 föreslagna projekt poängsatts 0–5 efter viktade kriterier: bidrag till strategins mål (vikt 3)');
    expect(text.matterText).toContain('risk (vikt 1, omvänd)');
    expect(text.matterText).toContain('Urvalet är det som verktyget föreslog');
  });
});
