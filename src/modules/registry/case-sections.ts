import type { Ctx } from '../../core/context.js';
import type { PageContext } from '../../views/context.js';
import type { CaseView } from './queries.js';

/**
 * Other modules add their part of a case page (the referral it answers, its statement, the
 * meeting items that treated it) without the registry importing them. A section returns ready
 * HTML (escaped by its own JSX) or null when it has nothing to show for this case.
 */
export type CaseSection = (ctx: Ctx, page: PageContext, view: CaseView) => Promise<string | null>;

const sections: Array<{ order: number; render: CaseSection }> = [];

export function registerCaseSection(order: number, render: CaseSection): void {
  sections.push({ order, render });
  sections.sort((a, b) => a.order - b.order);
}

export async function renderCaseSections(ctx: Ctx, page: PageContext, view: CaseView): Promise<string[]> {
  if (view.restricted) return [];
  const out: string[] = [];
  for (const s of sections) {
    const html = await s.render(ctx, page, view);
    if (html) out.push(html);
  }
  return out;
}
