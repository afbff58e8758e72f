import { t as translate } from '../../core/i18n.js';
import './messages.js';

/**
 * The followability check: seed 004's critique of the 2008 e-strategy ("the goals must be concrete
 * and possible to follow up") made into a tool. Pure: it looks at the strategy's structure only.
 *
 * A goal is followable when it has an owner body, at least one indicator, a target value for each
 * indicator and at least one action. A focus area (insatsområde) is followable when its goals are
 * concrete: each says what is to be measured – with a measurable verb ("öka", "minska",
 * "halvera", "uppnå" …), a bound ("minst", "senast" …) or a number or percentage.
 *
 * Only the verb forms count ("öka", "ökar", "ökas", "ökat"), not the participle used as an
 * adjective: "Ökad samordning och samverkan" names a wish, not a change anyone can measure – it is
 * one of the goals seed 004 calls "mycket allmänt hållna och … svåra att följa upp".
 */
export interface FollowabilityInput {
  focusAreas: Array<{ id: string; title: string }>;
  goals: Array<{ id: string; title: string; description?: string; focusAreaId: string | null; ownerBodyId: string | null }>;
  indicators: Array<{ id: string; goalId: string; name: string; target: number | null }>;
  actions: Array<{ goalId: string | null }>;
}

export const GOAL_REASONS = ['noIndicator', 'noOwner', 'indicatorWithoutTarget', 'noAction'] as const;
export const FOCUS_AREA_REASONS = ['vagueGoals', 'noGoals'] as const;
export type GoalReason = (typeof GOAL_REASONS)[number];
export type FocusAreaReason = (typeof FOCUS_AREA_REASONS)[number];

export type Finding =
  | { subject: 'goal'; reason: Exclude<GoalReason, 'indicatorWithoutTarget'>; goalId: string; title: string; text: FindingText }
  | { subject: 'goal'; reason: 'indicatorWithoutTarget'; goalId: string; title: string; indicatorId: string; indicatorName: string; text: FindingText }
  | { subject: 'focusArea'; reason: 'vagueGoals'; focusAreaId: string; title: string; goals: Array<{ id: string; title: string }>; text: FindingText }
  | { subject: 'focusArea'; reason: 'noGoals'; focusAreaId: string; title: string; text: FindingText };

/** The finding in Swedish and English. */
export interface FindingText {
  sv: string;
  en: string;
}

/** Measurable verbs in their finite and infinitive forms, and bounds. Lower case. */
const MEASURABLE_WORDS = new Set(
  [
    ...forms('öka'),
    ...forms('minska'),
    ...forms('halvera'),
    ...forms('fördubbla'),
    ...forms('tredubbla'),
    ...forms('höja'),
    ...forms('sänka'),
    ...forms('mäta'),
    'uppnå',
    'uppnår',
    'uppnås',
    'uppnått',
    'nå',
    'når',
    'nås',
    'nått',
    'minst',
    'högst',
    'senast',
    'procent',
    'andel',
    'andelen',
    'antal',
    'antalet',
    // English, for strategies written in English.
    'increase',
    'increases',
    'reduce',
    'reduces',
    'halve',
    'double',
    'achieve',
    'percent',
  ].map((w) => w.toLowerCase()),
);

/** "öka" → öka, ökar, ökas, ökat; "höja" → höja, höjer, höjs, höjas, höjt (verbs of the second group). */
function forms(infinitive: string): string[] {
  if (infinitive.endsWith('a') && ['höja', 'sänka', 'mäta'].includes(infinitive)) {
    const stem = infinitive.slice(0, -1);
    const supine = stem.endsWith('t') ? `${stem.slice(0, -1)}tt` : `${stem}t`;
    return [infinitive, `${stem}er`, `${stem}s`, `${infinitive}s`, supine];
  }
  return [infinitive, `${infinitive}r`, `${infinitive}s`, `${infinitive}t`];
}

/** True when the text names something measurable: a measurable word, a digit or a percent sign. */
export function isMeasurable(text: string): boolean {
  if (/[0-9%]/.test(text)) return true;
  const words = text.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  return words.some((w) => MEASURABLE_WORDS.has(w));
}

/** A goal is vague when neither its title nor its description is measurable. */
export const isVagueGoal = (goal: { title: string; description?: string }): boolean => !isMeasurable(`${goal.title} ${goal.description ?? ''}`);

const text = (key: string, params: Record<string, string | number>): FindingText => ({
  sv: translate('sv', key, params),
  en: translate('en', key, params),
});

const quoteList = (items: Array<{ title: string }>) => items.map((g) => `”${g.title}”`).join(', ');

/** Every finding, goals first (in the order given), then focus areas. */
export function checkFollowability(s: FollowabilityInput): Finding[] {
  const findings: Finding[] = [];
  const goalIds = new Set(s.goals.map((g) => g.id));
  const indicatorsOf = new Map<string, FollowabilityInput['indicators']>();
  for (const i of s.indicators) if (goalIds.has(i.goalId)) indicatorsOf.set(i.goalId, [...(indicatorsOf.get(i.goalId) ?? []), i]);
  const withAction = new Set(s.actions.map((a) => a.goalId).filter((id): id is string => id !== null));

  for (const g of s.goals) {
    const indicators = indicatorsOf.get(g.id) ?? [];
    const base = { subject: 'goal' as const, goalId: g.id, title: g.title };
    if (indicators.length === 0) findings.push({ ...base, reason: 'noIndicator', text: text('strategy.followability.noIndicator', { title: g.title }) });
    if (!g.ownerBodyId) findings.push({ ...base, reason: 'noOwner', text: text('strategy.followability.noOwner', { title: g.title }) });
    for (const i of indicators) {
      if (i.target === null) {
        findings.push({
          ...base,
          reason: 'indicatorWithoutTarget',
          indicatorId: i.id,
          indicatorName: i.name,
          text: text('strategy.followability.indicatorWithoutTarget', { title: g.title, indicator: i.name }),
        });
      }
    }
    if (!withAction.has(g.id)) findings.push({ ...base, reason: 'noAction', text: text('strategy.followability.noAction', { title: g.title }) });
  }

  for (const fa of s.focusAreas) {
    const goals = s.goals.filter((g) => g.focusAreaId === fa.id);
    const base = { subject: 'focusArea' as const, focusAreaId: fa.id, title: fa.title };
    if (goals.length === 0) {
      findings.push({ ...base, reason: 'noGoals', text: text('strategy.followability.noGoals', { title: fa.title }) });
      continue;
    }
    const vague = goals.filter((g) => isVagueGoal(g)).map((g) => ({ id: g.id, title: g.title }));
    if (vague.length > 0) {
      findings.push({
        ...base,
        reason: 'vagueGoals',
        goals: vague,
        text: text('strategy.followability.vagueGoals', { title: fa.title, count: vague.length, total: goals.length, goals: quoteList(vague) }),
      });
    }
  }
  return findings;
}

/** Counts per reason, for summaries ("12 findings: 5 goals without an indicator …"). */
export function countFindings(findings: Finding[]): Record<GoalReason | FocusAreaReason, number> {
  const counts = Object.fromEntries([...GOAL_REASONS, ...FOCUS_AREA_REASONS].map((r) => [r, 0])) as Record<GoalReason | FocusAreaReason, number>;
  for (const f of findings) counts[f.reason]++;
  return counts;
}
