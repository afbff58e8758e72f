/**
 * Progress roll-up (pure), as Decidim's accountability component does it: a result with children
 * has no progress of its own – it is the weighted mean of its children's (rolled-up) progress. A
 * leaf has the progress of its latest report; a leaf without a report counts as 0 %.
 */
export interface RollupNode {
  id: string;
  parentId: string | null;
  /** The child's share in its parent (≥ 0); only the ratio between siblings matters. */
  weight: number;
  /** Latest reported progress 0–100, or null when nothing is reported yet. */
  progress: number | null;
}

export interface RolledUp {
  /** 0–100. */
  progress: number;
  /** True when computed from children rather than reported. */
  fromChildren: boolean;
  /** Number of direct children. */
  children: number;
}

export function rollUpProgress(nodes: readonly RollupNode[]): Map<string, RolledUp> {
  const byId = new Map(nodes.map((n) => [n.id, n] as const));
  const children = new Map<string, RollupNode[]>();
  for (const n of nodes) {
    if (n.parentId === null || n.parentId === n.id || !byId.has(n.parentId)) continue;
    const list = children.get(n.parentId) ?? [];
    list.push(n);
    children.set(n.parentId, list);
  }
  const out = new Map<string, RolledUp>();
  const visiting = new Set<string>();

  const visit = (n: RollupNode): RolledUp => {
    const done = out.get(n.id);
    if (done) return done;
    const own = (): RolledUp => ({ progress: clamp(n.progress ?? 0), fromChildren: false, children: 0 });
    // A cycle cannot be stored (the commands refuse it); if one appears anyway, the node counts as a leaf.
    if (visiting.has(n.id)) return own();
    visiting.add(n.id);
    const kids = (children.get(n.id) ?? []).filter((k) => !visiting.has(k.id));
    let result: RolledUp;
    if (kids.length === 0) {
      result = own();
    } else {
      const rolled = kids.map((k) => ({ w: Math.max(0, k.weight), p: visit(k).progress }));
      const total = rolled.reduce((s, r) => s + r.w, 0);
      const progress = total > 0 ? rolled.reduce((s, r) => s + r.w * r.p, 0) / total : rolled.reduce((s, r) => s + r.p, 0) / rolled.length;
      result = { progress: clamp(progress), fromChildren: true, children: kids.length };
    }
    visiting.delete(n.id);
    out.set(n.id, result);
    return result;
  };
  for (const n of nodes) visit(n);
  return out;
}

const clamp = (p: number) => Math.min(100, Math.max(0, p));
