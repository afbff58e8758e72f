import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSet, proposeFundedSet, type KnapsackItem } from '../../src/modules/portfolio/knapsack.js';

/** Every subset, checked for budget and dependencies: the best total value. */
function bruteForce(budget: number, items: KnapsackItem[], satisfied: Set<string>): number {
  let best = 0;
  const n = items.length;
  for (let mask = 0; mask < 1 << n; mask++) {
    const chosen = new Set<string>();
    let cost = 0;
    let value = 0;
    for (let i = 0; i < n; i++) {
      if (mask & (1 << i)) {
        chosen.add(items[i]!.id);
        cost += items[i]!.cost;
        value += items[i]!.value;
      }
    }
    if (cost > budget) continue;
    const ok = items.every((it) => !chosen.has(it.id) || it.dependsOn.every((d) => chosen.has(d) || satisfied.has(d)));
    if (ok && value > best) best = value;
  }
  return best;
}

/** A random small portfolio: SEK costs, integer values (weighted scores), a random dependency DAG with some satisfied and unknown targets. */
const portfolio = fc
  .integer({ min: 0, max: 12 })
  .chain((n) =>
    fc.record({
      costs: fc.array(fc.integer({ min: 0, max: 20_000_000 }), { minLength: n, maxLength: n }),
      values: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: n, maxLength: n }),
      // For item i: candidate dependencies among items 0..i-1 (a DAG), plus external ones.
      deps: fc.array(fc.array(fc.nat({ max: 100 }), { maxLength: 3 }), { minLength: n, maxLength: n }),
      external: fc.array(fc.constantFrom(null, null, null, 'ongoing-1', 'ongoing-2', 'unknown'), { minLength: n, maxLength: n }),
      budget: fc.integer({ min: 0, max: 60_000_000 }),
    }),
  )
  .map(({ costs, values, deps, external, budget }) => {
    const items: KnapsackItem[] = costs.map((cost, i) => {
      const dependsOn = new Set<string>();
      for (const d of deps[i]!) if (i > 0) dependsOn.add(`p${d % i}`);
      if (external[i]) dependsOn.add(external[i]!);
      return { id: `p${i}`, cost, value: values[i]!, dependsOn: [...dependsOn] };
    });
    return { items, budget };
  });

describe('proposeFundedSet (exact knapsack with dependencies)', () => {
  it('matches brute force on random small portfolios', () => {
    const satisfied = new Set(['ongoing-1', 'ongoing-2']);
    fc.assert(
      fc.property(portfolio, ({ items, budget }) => {
        const result = proposeFundedSet({ budget, items, satisfied });
        expect(result.optimal).toBe(true);
        // The set is allowed …
        const chosen = items.filter((it) => result.selected.includes(it.id));
        const check = checkSet(budget, chosen, satisfied);
        expect(check.overBudget).toBe(false);
        expect(check.missing).toEqual([]);
        expect(result.totalCost).toBe(check.total);
        expect(result.totalValue).toBe(chosen.reduce((s, c) => s + c.value, 0));
        // … and nothing allowed is better.
        expect(result.totalValue).toBe(bruteForce(budget, items, satisfied));
      }),
      { numRuns: 400 },
    );
  });

  it('takes a project only with the projects it depends on', () => {
    const items: KnapsackItem[] = [
      { id: 'platform', cost: 6_000_000, value: 2, dependsOn: [] },
      { id: 'sensors', cost: 2_000_000, value: 20, dependsOn: ['platform'] },
      { id: 'library', cost: 5_000_000, value: 15, dependsOn: [] },
    ];
    // Sensors alone would be the best value per krona, but it needs the platform: 8 MSEK for 22 beats library's 15.
    expect(proposeFundedSet({ budget: 8_000_000, items }).selected).toEqual(['platform', 'sensors']);
    // With 7 MSEK the pair does not fit: the library alone.
    expect(proposeFundedSet({ budget: 7_000_000, items }).selected).toEqual(['library']);
    // When the platform already runs, the sensors need nothing more.
    expect(proposeFundedSet({ budget: 7_000_000, items: items.slice(1), satisfied: ['platform'] }).selected).toEqual(['sensors', 'library']);
  });

  it('explains what can never be chosen', () => {
    const result = proposeFundedSet({
      budget: 10,
      items: [
        { id: 'a', cost: 11, value: 5, dependsOn: [] },
        { id: 'b', cost: 1, value: 5, dependsOn: ['a'] },
        { id: 'c', cost: 1, value: 5, dependsOn: ['missing'] },
        { id: 'd', cost: 1, value: 5, dependsOn: ['c'] },
        { id: 'e', cost: 10, value: 1, dependsOn: [] },
      ],
    });
    expect(result.selected).toEqual(['e']);
    expect(result.excluded).toEqual([
      { id: 'a', reason: 'overBudget' },
      { id: 'b', reason: 'overBudget' },
      { id: 'c', reason: 'unmetDependency' },
      { id: 'd', reason: 'unmetDependency' },
    ]);
  });

  it('handles an empty portfolio, a zero budget and free projects', () => {
    expect(proposeFundedSet({ budget: 100, items: [] })).toMatchObject({ selected: [], totalCost: 0, totalValue: 0, optimal: true });
    expect(proposeFundedSet({ budget: 0, items: [{ id: 'free', cost: 0, value: 3, dependsOn: [] }] }).selected).toEqual(['free']);
    expect(() => proposeFundedSet({ budget: 1, items: [{ id: 'x', cost: -1, value: 1, dependsOn: [] }] })).toThrow(RangeError);
  });

  it('proves the optimum for normal portfolios of 200 projects, 40 of them needed by others, in well under a second', () => {
    // Deterministic pseudo-random portfolios: costs 0.2–15 MSEK, weighted scores 0–250 (or
    // growing with the cost), 40% of the projects needing one or two of 40 enabling projects,
    // which in turn may need each other; budgets of 10, 30 and 60 % of the total.
    let slowest = 0;
    for (const seedStart of [1, 2, 3]) {
      for (const correlated of [false, true]) {
        for (const share of [0.1, 0.3, 0.6]) {
          let seed = seedStart * 7919 + 40;
          const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
          const items: KnapsackItem[] = Array.from({ length: 200 }, (_, i) => {
            const cost = Math.round(200_000 + rand() * 14_800_000);
            const value = correlated ? Math.round((cost / 1_000_000) * 3 + rand() * 10) : Math.round(rand() * 250);
            const deps = new Set<string>();
            if (i >= 40 && rand() < 0.4) {
              deps.add(`p${Math.floor(rand() * 40)}`);
              if (rand() < 0.3) deps.add(`p${Math.floor(rand() * 40)}`);
            }
            if (i > 0 && i < 40 && rand() < 0.3) deps.add(`p${Math.floor(rand() * i)}`);
            return { id: `p${i}`, cost, value, dependsOn: [...deps] };
          });
          const budget = items.reduce((s, it) => s + it.cost, 0) * share;
          const started = performance.now();
          const result = proposeFundedSet({ budget, items });
          slowest = Math.max(slowest, performance.now() - started);
          expect(result.optimal).toBe(true);
          const check = checkSet(budget, items.filter((it) => result.selected.includes(it.id)), []);
          expect(check.overBudget || check.missing.length > 0).toBe(false);
        }
      }
    }
    expect(slowest).toBeLessThan(1000);
  });

  it('stops at the node limit and says the set is not proven optimal', () => {
    const items: KnapsackItem[] = Array.from({ length: 40 }, (_, i) => ({ id: `p${i}`, cost: 1000 + i * 7, value: 1000 + i * 7 + (i % 3), dependsOn: [] }));
    const result = proposeFundedSet({ budget: 20_000, items, maxNodes: 50 });
    expect(result.optimal).toBe(false);
    expect(result.totalCost).toBeLessThanOrEqual(20_000);
  });
});
