/**
 * Cycle checks for the portfolio's two graphs (pure): dependencies between projects, and the
 * parent/child tree used for the progress roll-up.
 */

/**
 * Would giving `projectId` the dependencies `newDeps` (replacing its current ones) close a cycle?
 * Returns the cycle as ids, starting and ending with `projectId` (e.g. [A, B, C, A]), or null.
 */
export function findDependencyCycle(edges: ReadonlyArray<{ projectId: string; dependsOnId: string }>, projectId: string, newDeps: readonly string[]): string[] | null {
  const graph = new Map<string, string[]>();
  for (const e of edges) {
    if (e.projectId === projectId) continue;
    const list = graph.get(e.projectId) ?? [];
    list.push(e.dependsOnId);
    graph.set(e.projectId, list);
  }
  graph.set(projectId, [...newDeps]);
  // Depth-first from projectId; the path back to it is the cycle.
  const path: string[] = [projectId];
  const seen = new Set<string>();
  const walk = (node: string): string[] | null => {
    for (const next of graph.get(node) ?? []) {
      if (next === projectId) return [...path, projectId];
      if (seen.has(next)) continue;
      seen.add(next);
      path.push(next);
      const found = walk(next);
      if (found) return found;
      path.pop();
    }
    return null;
  };
  return walk(projectId);
}

/** Would making `parentId` the parent of `projectId` make the project its own ancestor? Returns the chain, or null. */
export function findParentCycle(parents: ReadonlyMap<string, string | null>, projectId: string, parentId: string | null): string[] | null {
  if (parentId === null) return null;
  const chain = [projectId];
  let current: string | null = parentId;
  const seen = new Set<string>();
  while (current !== null) {
    chain.push(current);
    if (current === projectId) return chain;
    if (seen.has(current)) return null; // an existing cycle elsewhere, not through this project
    seen.add(current);
    current = parents.get(current) ?? null;
  }
  return null;
}

/** Ids in an order where every project comes after those it depends on (within the given set). Null on a cycle. */
export function dependencyOrder(ids: readonly string[], deps: ReadonlyMap<string, readonly string[]>): string[] | null {
  const inSet = new Set(ids);
  const out: string[] = [];
  const state = new Map<string, 1 | 2>();
  const visit = (id: string): boolean => {
    const s = state.get(id);
    if (s === 2) return true;
    if (s === 1) return false;
    state.set(id, 1);
    for (const d of deps.get(id) ?? []) if (inSet.has(d) && !visit(d)) return false;
    state.set(id, 2);
    out.push(id);
    return true;
  };
  for (const id of ids) if (!visit(id)) return null;
  return out;
}
