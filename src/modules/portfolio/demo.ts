import type { Ctx } from '../../core/context.js';
import { listGoals } from '../strategy/index.js';
import { createProject } from './commands/create-project.js';
import { createRound } from './commands/create-round.js';
import { reportProjectStatus } from './commands/report-project-status.js';
import { setScores } from './commands/set-scores.js';
import { portfolioRepository as repo } from './repository.js';
import type { ProjectKind, ProjectStatus } from './schema.js';

/**
 * Demo portfolio from seeds 002 and 003: the kinds of projects the referral answers talk about –
 * common platforms and open data (enablers), the Internet of Things with AB Stokab and the
 * environment and traffic boards, the culture administration's e-services and the libraries'
 * digital services, digital inclusion and digital competence – and one open prioritisation round
 * of Digitaliseringsrådet with some scores.
 *
 * The seeds name no project budgets, scores or progress: every amount, score and percentage
 * here is an invented demo value, and each project says so. Idempotent: projects are found again
 * by title and owner, the round by council, title and year; everything goes through the commands.
 */
export interface PortfolioDemoResult {
  projectIds: Record<string, string>;
  roundId: string | null;
  summary: { newProjects: number; newReports: number; newRounds: number; newScores: number };
}

export const DEMO_NOTE = 'Belopp, poäng och framdrift är påhittade demovärden.';
export const DEMO_ROUND_TITLE = 'Prioritering av strategiprojekt 2027';

interface ProjectSpec {
  key: string;
  title: string;
  owner: string;
  kind: ProjectKind;
  status: ProjectStatus;
  cost: number;
  shared?: string;
  description: string;
  benefits: string;
  risks: string;
  goals: string[];
  dependsOn?: string[];
  parent?: string;
  weight?: number;
  startDate?: string;
  reports?: Array<{ period: string; progress: number; spent: number; budget: number; narrative: string; milestones?: Array<{ title: string; due: string | null; done: boolean }> }>;
}

const GOAL = {
  life: 'Högsta livskvaliteten för stockholmarna',
  business: 'Bästa klimatet för företagande',
  energy: 'Minska stadens energianvändning med uppkopplade lösningar',
  digital: 'Öka andelen ärenden som inleds digitalt',
  inclusion: 'Öka den digitala delaktigheten bland alla invånare',
  openness: 'Öka öppenheten och invånarnas möjligheter att delta',
};

const PROJECTS: ProjectSpec[] = [
  {
    key: 'openData',
    title: 'Gemensam plattform för öppna data',
    owner: 'Kommunstyrelsen',
    kind: 'enabling',
    status: 'proposed',
    cost: 4_000_000,
    shared: 'Lika delar mellan de nämnder och bolag som publicerar data',
    description: `Förutsättningsprojekt: en gemensam plattform där stadens verksamheter publicerar öppna data med öppna standarder (möjliggörare i strategin, seed 002). ${DEMO_NOTE}`,
    benefits: 'Stadens data blir lätta att hitta och återanvända för invånare, företag och akademi; färre lösningar i stuprör.',
    risks: 'Data från flera källor blandas: informationsklassningen och riktlinjerna för informationssäkerhet behöver ses över först (seed 003).',
    goals: [GOAL.openness, GOAL.business],
    dependsOn: ['classification'],
  },
  {
    key: 'classification',
    title: 'Informationsklassning för blandade datakällor',
    owner: 'Kommunstyrelsen',
    kind: 'enabling',
    status: 'proposed',
    cost: 800_000,
    shared: 'Per antal informationsmängder som klassas',
    description: `Förutsättningsprojekt: se över riktlinjerna för informationssäkerhet och informationsklassning (KLASSA) för data där flera källor blandas, som Kulturförvaltningen efterfrågar (seed 003). ${DEMO_NOTE}`,
    benefits: 'Säkerhet och integritetsskydd: en gemensam informationsstruktur och enhetlig klassning.',
    risks: 'Kräver tid från alla förvaltningar.',
    goals: [GOAL.openness],
  },
  {
    key: 'iotNet',
    title: 'Uppkopplingsnät för sakernas internet',
    owner: 'AB Stokab',
    kind: 'enabling',
    status: 'ongoing',
    cost: 3_000_000,
    shared: 'Per ansluten sensor',
    description: `Förutsättningsprojekt: ett stadsgemensamt nät för sensorer i stadens fiberinfrastruktur, i samverkan mellan AB Stokab, miljö- och hälsoskyddsnämnden och trafiknämnden (seed 002). ${DEMO_NOTE}`,
    benefits: 'Verksamheterna kan koppla upp sensorer utan egna nät.',
    risks: 'Beroende av leverantörernas öppna standarder.',
    goals: [GOAL.energy, GOAL.business],
    startDate: '2026-01-01',
    reports: [
      { period: '2026-T1', progress: 20, spent: 600_000, budget: 1_000_000, narrative: `Upphandlingen är klar. ${DEMO_NOTE}`, milestones: [{ title: 'Upphandling', due: '2026-03-31', done: true }] },
      { period: '2026-T2', progress: 45, spent: 1_500_000, budget: 2_000_000, narrative: `De första basstationerna är installerade. ${DEMO_NOTE}`, milestones: [{ title: 'Första basstationerna', due: '2026-06-30', done: true }, { title: 'Hela innerstaden', due: '2026-12-31', done: false }] },
    ],
  },
  {
    key: 'sensors',
    title: 'Sensornätverk för luftkvalitet och trafik',
    owner: 'Miljö- och hälsoskyddsnämnden',
    kind: 'operational',
    status: 'proposed',
    cost: 2_500_000,
    description: `Verksamhetsprojekt: sensorer som mäter luftkvalitet och trafikflöden och publicerar mätvärdena som öppna data. ${DEMO_NOTE}`,
    benefits: 'Bättre underlag för miljö- och trafikbeslut; invånarna ser luftkvaliteten där de bor.',
    risks: 'Mätdata om trafik kan i kombination med andra källor röja enskilda personers rörelser.',
    goals: [GOAL.energy, GOAL.openness, GOAL.life],
    dependsOn: ['iotNet', 'openData'],
  },
  {
    key: 'eservices',
    title: 'E-tjänster för kulturstöd och kulturskolan',
    owner: 'Kulturnämnden',
    kind: 'operational',
    status: 'ongoing',
    cost: 2_000_000,
    description: `Verksamhetsprojekt: ansöknings- och redovisningssystemen för kulturstöd och kulturskolans bokning som e-tjänster, från ansökan till e-arkiv (seed 003). Delprojektens framdrift räknas samman viktat. ${DEMO_NOTE}`,
    benefits: 'Effektiv och lättillgänglig administration för brukare och medarbetare.',
    risks: 'Tidigare utveckling har byggt på stadens centrala stöd för e-tjänster.',
    goals: [GOAL.digital, GOAL.life],
    startDate: '2025-01-01',
  },
  {
    key: 'grants',
    title: 'E-tjänst för ansökan om kulturstöd',
    owner: 'Kulturnämnden',
    kind: 'operational',
    status: 'ongoing',
    cost: 800_000,
    description: `Delprojekt. ${DEMO_NOTE}`,
    benefits: 'Hela flödet från ansökan till utbetalning är digitalt.',
    risks: '',
    goals: [GOAL.digital],
    parent: 'eservices',
    weight: 2,
    reports: [{ period: '2026-T2', progress: 90, spent: 700_000, budget: 800_000, narrative: `Redovisningen av stöd återstår. ${DEMO_NOTE}` }],
  },
  {
    key: 'booking',
    title: 'Bokning och fakturering i kulturskolan',
    owner: 'Kulturnämnden',
    kind: 'operational',
    status: 'ongoing',
    cost: 600_000,
    description: `Delprojekt. ${DEMO_NOTE}`,
    benefits: 'Kulturskolans utbud erbjuds, bokas och faktureras genom e-tjänst.',
    risks: '',
    goals: [GOAL.digital],
    parent: 'eservices',
    weight: 1,
    reports: [{ period: '2026-T2', progress: 60, spent: 300_000, budget: 600_000, narrative: `Fakturering i test. ${DEMO_NOTE}` }],
  },
  {
    key: 'library',
    title: 'Bibliotekens digitala tjänster',
    owner: 'Kulturnämnden',
    kind: 'operational',
    status: 'proposed',
    cost: 1_800_000,
    description: `Verksamhetsprojekt: utökade digitala tjänster på biblioteken – lån, evenemang, digitala talböcker (Legimus) och appen Bibblix (seed 003). ${DEMO_NOTE}`,
    benefits: 'Effektivare service och nya värden för medborgarna; biblioteken samverkar redan regionalt och nationellt.',
    risks: 'Yttrandefriheten och den fria åsiktsbildningen får inte hotas genom oförsiktig registrering av användarnas data (seed 003).',
    goals: [GOAL.life, GOAL.inclusion],
    dependsOn: ['classification'],
  },
  {
    key: 'inclusion',
    title: 'Digital delaktighet för alla invånare',
    owner: 'Arbetsmarknadsnämnden',
    kind: 'operational',
    status: 'proposed',
    cost: 1_200_000,
    description: `Verksamhetsprojekt: vägledning och stöd för invånare med lägre digital mognad eller utan tillgång till internet, så att den smarta staden inte lämnar någon efter sig (seed 002 och 003). ${DEMO_NOTE}`,
    benefits: 'Minskar risken att segregationen ökar; stärker de demokratiska och sociala förutsättningarna.',
    risks: 'Svårt att nå dem som inte redan använder stadens kanaler.',
    goals: [GOAL.inclusion, GOAL.life],
  },
  {
    key: 'competence',
    title: 'Digital kompetens för chefer och medarbetare',
    owner: 'Arbetsmarknadsnämnden',
    kind: 'operational',
    status: 'proposed',
    cost: 900_000,
    description: `Verksamhetsprojekt: kompetensutveckling så att chefer och medarbetare kan arbeta i nya processer och ta tillvara digitaliseringens möjligheter (seed 002). ${DEMO_NOTE}`,
    benefits: 'Snabbare och bättre användning av nuvarande och kommande digitala stöd.',
    risks: 'Konkurrerar om tid med den ordinarie verksamheten.',
    goals: [GOAL.digital],
  },
];

/** The council's scores in the demo round (goal contribution, benefit for residents, readiness, risk, cost): invented. */
const SCORES: Record<string, [number, number, number, number, number]> = {
  openData: [5, 3, 3, 3, 4],
  classification: [3, 2, 4, 1, 1],
  sensors: [4, 4, 3, 3, 3],
  library: [4, 5, 4, 2, 2],
  inclusion: [5, 5, 3, 2, 2],
};
const CRITERIA = ['goalContribution', 'residentBenefit', 'readiness', 'risk', 'cost'];

/** `ctx.actor` must be allowed to write projects of every body and prioritise (the system actor or an administrator). */
export async function seedPortfolioDemo(ctx: Ctx, opts: { bodyIdsByName: Record<string, string>; strategyId?: string | null }): Promise<PortfolioDemoResult> {
  const summary = { newProjects: 0, newReports: 0, newRounds: 0, newScores: 0 };
  const goalIds = new Map<string, string>();
  if (opts.strategyId) for (const g of await listGoals(ctx.db, opts.strategyId)) goalIds.set(g.title, g.id);
  const projectIds: Record<string, string> = {};

  // Referred-to projects first: a project's dependencies and parent are created before it.
  const pending = [...PROJECTS];
  const ready = (p: ProjectSpec) => [...(p.dependsOn ?? []), ...(p.parent ? [p.parent] : [])].every((k) => projectIds[k] || !PROJECTS.some((q) => q.key === k && opts.bodyIdsByName[q.owner]));
  for (let guard = 0; pending.length && guard < PROJECTS.length * PROJECTS.length; guard++) {
    const p = pending.shift()!;
    if (!ready(p)) {
      pending.push(p);
      continue;
    }
    const ownerBodyId = opts.bodyIdsByName[p.owner];
    if (!ownerBodyId) continue;
    const existing = (await repo.findProjectsByTitle(ctx.db, [p.title]))[0];
    if (existing) {
      projectIds[p.key] = existing.id;
      continue;
    }
    const created = await createProject(ctx, {
      title: p.title,
      description: p.description,
      kind: p.kind,
      status: p.status,
      ownerBodyId,
      ...(opts.strategyId ? { strategyId: opts.strategyId } : {}),
      estimatedCostPerYear: p.cost,
      costBearing: p.shared ? 'shared' : 'owner',
      costKey: p.shared ?? null,
      benefits: p.benefits,
      risks: p.risks,
      startDate: p.startDate ?? null,
      goalIds: p.goals.map((g) => goalIds.get(g)).filter((id): id is string => Boolean(id)),
      dependsOnIds: (p.dependsOn ?? []).map((k) => projectIds[k]).filter((id): id is string => Boolean(id)),
      parentId: p.parent ? (projectIds[p.parent] ?? null) : null,
      weight: p.weight ?? 1,
    });
    projectIds[p.key] = created.id;
    summary.newProjects++;
    for (const r of p.reports ?? []) {
      await reportProjectStatus(ctx, created.id, r);
      summary.newReports++;
    }
  }

  const councilId = opts.bodyIdsByName['Digitaliseringsrådet'];
  let roundId: string | null = null;
  if (councilId) {
    const existing = await repo.findRoundByTitle(ctx.db, councilId, DEMO_ROUND_TITLE, 2027);
    if (existing) roundId = existing.id;
    else {
      const round = await createRound(ctx, { councilBodyId: councilId, title: DEMO_ROUND_TITLE, year: 2027, budget: 6_000_000 });
      roundId = round.id;
      summary.newRounds++;
      const scores = Object.entries(SCORES)
        .filter(([key]) => projectIds[key])
        .flatMap(([key, values]) => CRITERIA.map((criterion, i) => ({ projectId: projectIds[key]!, criterion, score: values[i]! })));
      if (scores.length) summary.newScores = (await setScores(ctx, round.id, { scores })).changed;
    }
  }
  return { projectIds, roundId, summary };
}
