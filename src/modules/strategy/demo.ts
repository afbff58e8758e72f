import type { Ctx } from '../../core/context.js';
import { saveFollowup, submitFollowup, type Assessment } from './commands/followups.js';
import { createIndicator, importIndicatorValues } from './commands/indicators.js';
import { addAction, addElement, addFocusArea, addGoal } from './commands/parts.js';
import { adoptStrategy, createStrategy, saveStrategyVersion } from './commands/strategies.js';
import { strategyRepository as repo } from './repository.js';
import type { Dimension, ElementKind, IndicatorDirection } from './schema.js';

/**
 * Demo strategies from the seed documents, created through the module's commands (so the audit
 * log shows them like any other change). Idempotent: a strategy that exists (by title) is left as
 * it is; each strategy is created in one transaction, so a run is never half done.
 *
 * (a) Strategi för Stockholm som smart och uppkopplad stad – as far as seed 002 (the labour-market
 *     administration's statement, which summarises the proposal) describes it: Vision 2040, the
 *     goal picture with the four sustainability dimensions, the eight principles for implementation,
 *     the enablers and the cost-distribution principles. The goals are structured from the goal
 *     picture; the indicators' values 2017–2024 and the boards' follow-ups are INVENTED DEMO DATA.
 * (b) The 2008 update of Stockholm's e-strategy – seed 004: its three overall goals and five focus
 *     areas, with goals as vague as the seed criticises (focus areas 2, 3 and 5). Goals the seed
 *     quotes are quoted; the others are demo wording in the spirit of the seed's remarks.
 */
export interface StrategyDemoResult {
  strategyIds: { smartCity: string; eStrategy: string };
  summary: { newStrategies: number; newGoals: number; newIndicators: number; newValues: number; newFollowups: number };
}

export const SMART_CITY_TITLE = 'Strategi för Stockholm som smart och uppkopplad stad';
export const E_STRATEGY_TITLE = 'Stockholms stads e-strategi – uppdatering 2008';

const DEMO_NOTE = 'Påhittat demovärde';

interface GoalSpec {
  key: string;
  title: string;
  description?: string;
  dimensions?: Dimension[];
  owner?: string;
  focusArea?: number;
  actions?: Array<{ title: string; description?: string; owner?: string }>;
  indicators?: IndicatorSpec[];
}

interface IndicatorSpec {
  slug: string;
  name: string;
  description: string;
  unit: string;
  direction: IndicatorDirection;
  baseline: number;
  target: number | null;
  targetPeriod: string | null;
  owner?: string;
  /** Invented values 2017–2024 (or fewer, ending in 2024). */
  values: number[];
}

interface StrategySpec {
  title: string;
  owner: string;
  vision: string;
  goalPicture: string;
  elements: Array<{ kind: ElementKind; title: string; description: string }>;
  focusAreas: Array<{ title: string; description: string }>;
  goals: GoalSpec[];
  versionNote: string;
}

const DEMO_VALUES = 'Värdena 2017–2024 är påhittade demovärden som visar hur uppföljningen ser ut; de kommer inte från stadens ILS.';

const SMART_CITY: StrategySpec = {
  title: SMART_CITY_TITLE,
  owner: 'Kommunstyrelsen',
  vision: 'Vision 2040 – Ett Stockholm för alla. Genom digitalisering ska Stockholm på sikt uppnå visionen om ”världens smartaste stad”.',
  goalPicture:
    'Målbilden för den smarta staden är att skapa den högsta livskvaliteten för stockholmarna och det bästa klimatet för företagande. Detta uppnås genom att Stockholm blir ekologiskt hållbart, ekonomiskt hållbart, socialt hållbart och demokratiskt hållbart. Genom digitalisering, innovativa lösningar, öppenhet och uppkoppling byggs den smarta staden.\n\nEn smart stad är en stad som utnyttjar digitaliseringens möjligheter för att göra livet enklare och bättre för invånare, företagare och besökare samt för att effektivisera och förbättra stadens verksamheter. Tjänsterna ska skapa möjligheter för alla stadens invånare, både de med hög och de med lägre digital mognad.',
  elements: [
    { kind: 'principle', title: 'Utgå från målgruppernas behov', description: 'Allt som genomförs i den smarta staden ska utgå från behoven hos dem staden är till för: invånare, företagare och besökare.' },
    { kind: 'principle', title: 'Investeringar styrs till projekt i linje med målbilden', description: 'Stadens investeringar i digitalisering styrs till projekt som bidrar till målbilden.' },
    { kind: 'principle', title: 'Samverka internt och externt', description: 'Staden samverkar mer med andra offentliga verksamheter, akademi, näringsliv och invånare för att skapa den smarta staden för alla som bor, vistas eller verkar här.' },
    { kind: 'principle', title: 'Undvik lösningar i stuprör', description: 'Gemensamma lösningar går före lösningar som utvecklas för en verksamhet i taget.' },
    { kind: 'principle', title: 'Var proaktiv', description: 'Staden arbetar i förväg med ny teknik och nya arbetssätt i stället för att vänta på dem.' },
    { kind: 'principle', title: 'Digitalisering är en del av den ordinarie verksamheten', description: 'Styrningen av digitaliseringen är en verksamhetsfråga och inte något för it-funktionerna.' },
    { kind: 'principle', title: 'Smarta tjänster för alla invånare', description: 'Tjänster utformas så att alla kan dra nytta av dem, också de med lägre digital mognad och sämre tillgång till internet.' },
    { kind: 'principle', title: 'Förändring drivs genom kommunikation internt och externt', description: 'Den åttonde principen. Remissvaret i seed 002 påpekar att kommunikation snarare stödjer genomförandet än driver det.' },
    { kind: 'enabler', title: 'Gemensamma digitala plattformar', description: 'Teknik: staden har gemensamma plattformar som verksamheterna bygger sina tjänster på.' },
    { kind: 'enabler', title: 'Öppna standarder', description: 'Teknik: tekniska lösningar byggs på öppna standarder.' },
    { kind: 'enabler', title: 'Avtal som möjliggör utveckling och innovation', description: 'Teknik: avtal med leverantörer hindrar inte vidareutveckling.' },
    { kind: 'enabler', title: 'Säkerhet och integritetsskydd', description: 'Teknik: informationssäkerhet och skydd för den personliga integriteten.' },
    { kind: 'enabler', title: 'Öppna data', description: 'Teknik: stadens data görs tillgängliga för andra att använda.' },
    { kind: 'enabler', title: 'Styrning av digitaliseringen som verksamhetsfråga', description: 'Verksamhet: arbetet mot den smarta staden är en naturlig del av verksamhetsstyrningen.' },
    { kind: 'enabler', title: 'Digital kompetens hos chefer och medarbetare', description: 'Verksamhet: förmåga att arbeta i nya processer och ta tillvara digitaliseringens möjligheter.' },
    { kind: 'enabler', title: 'Samverkan genom rätt organisation och samverkansforum', description: 'Verksamhet: forum med invånare, landsting, andra kommuner, näringsliv och akademi.' },
    { kind: 'costPrinciple', title: 'Verksamheten bär sina specifika kostnader', description: 'Den verksamhet som använder en lösning bär de kostnader som är specifika för den.' },
    { kind: 'costPrinciple', title: 'Gemensamma plattformar delas', description: 'Kostnaden för gemensamma plattformar fördelas mellan verksamheterna enligt en fastställd fördelningsnyckel.' },
    { kind: 'costPrinciple', title: 'Förutsättningsprojekt finansieras gemensamt', description: 'Förutsättningsprojekt som hela staden har nytta av prioriteras och finansieras gemensamt genom Digitaliseringsrådet.' },
  ],
  focusAreas: [],
  goals: [
    {
      key: 'life',
      title: 'Högsta livskvaliteten för stockholmarna',
      description: 'Huvudmål i målbilden.',
      dimensions: ['social', 'democratic'],
      owner: 'Kommunstyrelsen',
      actions: [{ title: 'Digital service dygnet runt', description: 'Invånarna kan sköta sina ärenden med staden digitalt när det passar dem.', owner: 'Kommunstyrelsen' }],
      indicators: [
        {
          slug: 'invanarnas-nojdhet-digital-service',
          name: 'Invånarnas nöjdhet med stadens digitala service',
          description: `Andel av de svarande i stadens medborgarundersökning som är nöjda. ${DEMO_VALUES}`,
          unit: '%',
          direction: 'increase',
          baseline: 62,
          target: 80,
          targetPeriod: '2026',
          values: [62, 64, 65, 69, 71, 72, 74, 75],
        },
      ],
    },
    {
      key: 'business',
      title: 'Bästa klimatet för företagande',
      description: 'Huvudmål i målbilden.',
      dimensions: ['economic'],
      owner: 'Kommunstyrelsen',
      actions: [{ title: 'Forum för samverkan med näringsliv och akademi', owner: 'Kommunstyrelsen' }],
      indicators: [
        {
          slug: 'foretagens-betyg-pa-service',
          name: 'Företagens betyg på stadens service (NKI)',
          description: `Nöjd kundindex för företagens kontakter med staden. ${DEMO_VALUES}`,
          unit: 'index',
          direction: 'increase',
          baseline: 68,
          target: 75,
          targetPeriod: '2026',
          values: [68, 69, 70, 70, 71, 73, 73, 74],
        },
      ],
    },
    {
      key: 'ecological',
      title: 'Minska stadens energianvändning med uppkopplade lösningar',
      description: 'Ekologiskt hållbart Stockholm: sensorer och styrning minskar energianvändningen i stadens lokaler.',
      dimensions: ['ecological'],
      owner: 'Miljö- och hälsoskyddsnämnden',
      actions: [{ title: 'Uppkopplad energistyrning i stadens lokaler', owner: 'Miljö- och hälsoskyddsnämnden' }],
      indicators: [
        {
          slug: 'energianvandning-i-stadens-lokaler',
          name: 'Energianvändning i stadens lokaler',
          description: `Köpt energi per kvadratmeter och år. ${DEMO_VALUES}`,
          unit: 'kWh/m²',
          direction: 'decrease',
          baseline: 165,
          target: 130,
          targetPeriod: '2030',
          values: [165, 161, 158, 150, 149, 144, 141, 138],
        },
      ],
    },
    {
      key: 'economic',
      title: 'Öka andelen ärenden som inleds digitalt',
      description: 'Ekonomiskt hållbart Stockholm: digitala ärenden effektiviserar stadens verksamheter.',
      dimensions: ['economic'],
      owner: 'Kommunstyrelsen',
      actions: [{ title: 'Gemensam plattform för e-tjänster', description: 'Ett förutsättningsprojekt: alla nämnder bygger sina e-tjänster på samma plattform.', owner: 'Kommunstyrelsen' }],
      indicators: [
        {
          slug: 'andel-arenden-via-e-tjanst',
          name: 'Andel ärenden som inleds via e-tjänst',
          description: `Andel av ärendena till stadens förvaltningar som inleds via en e-tjänst. ${DEMO_VALUES}`,
          unit: '%',
          direction: 'increase',
          baseline: 31,
          target: 75,
          targetPeriod: '2026',
          values: [31, 35, 39, 48, 53, 58, 62, 66],
        },
      ],
    },
    {
      key: 'social',
      title: 'Öka den digitala delaktigheten bland alla invånare',
      description: 'Socialt hållbart Stockholm: ingen ska stå utanför den smarta staden, oavsett digital mognad.',
      dimensions: ['social'],
      owner: 'Kulturnämnden',
      actions: [{ title: 'Digital vägledning på biblioteken', description: 'Biblioteken hjälper invånare med lägre digital mognad att använda stadens e-tjänster.', owner: 'Kulturnämnden' }],
      indicators: [
        {
          slug: 'andel-invanare-som-anvander-internet-dagligen',
          name: 'Andel invånare som använder internet dagligen',
          description: `Andel av invånarna 16–85 år. ${DEMO_VALUES}`,
          unit: '%',
          direction: 'increase',
          baseline: 84,
          target: 95,
          targetPeriod: '2026',
          owner: 'Kulturnämnden',
          values: [84, 86, 87, 90, 91, 92, 92, 93],
        },
      ],
    },
    {
      key: 'democratic',
      title: 'Öka öppenheten och invånarnas möjligheter att delta',
      description: 'Demokratiskt hållbart Stockholm: öppna data och digital dialog.',
      dimensions: ['democratic'],
      owner: 'Kommunstyrelsen',
      actions: [{ title: 'Publicera stadens data som öppna data', owner: 'Kommunstyrelsen' }],
      indicators: [
        {
          slug: 'oppna-datamangder',
          name: 'Antal öppna datamängder publicerade av staden',
          description: `Datamängder på stadens dataportal vid årets slut. ${DEMO_VALUES}`,
          unit: 'st',
          direction: 'increase',
          baseline: 120,
          target: 400,
          targetPeriod: '2026',
          values: [120, 150, 190, 230, 260, 300, 330, 360],
        },
        {
          slug: 'invanarforslag-via-e-tjanst',
          name: 'Antal invånarförslag som lämnats via e-tjänst',
          description: `Saknar ännu målvärde: indikatorer ska enligt förslaget tas fram i samband med digitaliseringsprogrammet. ${DEMO_VALUES}`,
          unit: 'st',
          direction: 'increase',
          baseline: 410,
          target: null,
          targetPeriod: null,
          values: [410, 455, 620, 700, 690, 760, 810, 840],
        },
      ],
    },
  ],
  versionNote: 'Förslaget som kommunstyrelsen skickade på remiss 2016.',
};

const E_STRATEGY: StrategySpec = {
  title: E_STRATEGY_TITLE,
  owner: 'Kommunstyrelsen',
  vision: '',
  goalPicture:
    'Syftet med e-strategin är att beskriva en gemensam målbild som skapar förutsättningar för alla aktörer att agera i samma riktning. Samtidigt handlar det om ett långsiktigt arbete att anpassa den kommunala organisationen till att möta medborgarnas behov och önskemål om tillgänglighet.\n\nStockholm ska positionera sig som en stad som gör en målmedveten satsning på utvecklingen av moderna e-förvaltningsprocesser och arbetssätt som utnyttjar informationsteknikens möjligheter.\n\n(Demodata: målen i insatsområde 1, 2 och 4 återges inte ordagrant i remissvaret och är formulerade för demonstrationen.)',
  elements: [],
  focusAreas: [
    { title: 'Fokus på invånarnas och näringslivets behov', description: 'Enligt remissvaret en bra redogörelse för viktiga mål och insatser, som också går att följa upp.' },
    { title: 'Organisationsöverskridande service och samverkan', description: 'Enligt remissvaret är målen och insatserna vaga och passiva i förhållande till det övergripande målet.' },
    { title: 'Utvecklingen av den moderna e-förvaltningen', description: 'Enligt remissvaret är målen mycket allmänt hållna och svåra att följa upp; begreppet modern e-förvaltning behöver definieras.' },
    { title: 'Tekniska förutsättningar och IT-standardiseringar', description: 'Enligt remissvaret väl formulerade mål och insatser.' },
    { title: 'Gemensamma verksamhetsstöd och kompetensutveckling', description: 'Enligt remissvaret bör det första målet formuleras om och begreppet användarnära funktioner förklaras.' },
  ],
  goals: [
    {
      key: 'overall-1',
      title: 'Stockholms stad ska erbjuda ett stort utbud av service i form av elektroniska tjänster till nytta för invånare och företagare för att ge mer kvalitativ och effektiv service.',
    },
    {
      key: 'overall-2',
      title: 'Stockholms stad ska i samverkan med övriga kommuner i regionen, landsting och leverantörer samt utförare erbjuda service som utgår från invånarens livssituation.',
    },
    {
      key: 'overall-3',
      title: 'Användningen av IT ska effektivisera Stockholms stads verksamheter och vara ett redskap i verksamhetsutveckling samt ge möjlighet till effektiv samverkan inom staden och i relation till andra kommuner, landstinget m.fl. där relationen påverkar medborgarnas nytta.',
    },
    {
      key: 'fa1-1',
      focusArea: 1,
      title: 'Minst 100 e-tjänster för invånare och företagare ska finnas senast 2010',
      description: 'Demoformulering: remissvaret säger att målen i insatsområdet går att följa upp men återger dem inte.',
      owner: 'Kommunstyrelsen',
      actions: [{ title: 'Kartlägg vilka ärenden invånare och företagare oftast har med staden', owner: 'Kommunstyrelsen' }],
    },
    {
      key: 'fa1-2',
      focusArea: 1,
      title: 'Andelen ärenden som kan inledas via webben ska öka till hälften',
      description: 'Demoformulering i samma anda.',
      owner: 'Kommunstyrelsen',
      actions: [{ title: 'Erbjud e-tjänster för de vanligaste ärendena', owner: 'Kommunstyrelsen' }],
    },
    {
      key: 'fa2-1',
      focusArea: 2,
      title: 'Samverkan med övriga kommuner i regionen, landstinget och leverantörer',
      description: 'Demoformulering: remissvaret kallar målen vaga och passiva och efterlyser vilka initiativ staden ska ta.',
    },
    { key: 'fa2-2', focusArea: 2, title: 'Service som utgår från invånarens livssituation', description: 'Demoformulering i samma anda.' },
    { key: 'fa3-1', focusArea: 3, title: 'Prioriterad styrning och ledning', description: 'Citerat ur remissvaret, som kallar målet mycket allmänt hållet.' },
    { key: 'fa3-2', focusArea: 3, title: 'Ökad samordning och samverkan', description: 'Citerat ur remissvaret, som kallar målet mycket allmänt hållet.' },
    {
      key: 'fa4-1',
      focusArea: 4,
      title: 'Alla nya IT-system ska följa stadens IT-standarder senast 2009',
      description: 'Demoformulering: remissvaret kallar målen väl formulerade men återger dem inte.',
      owner: 'Kommunstyrelsen',
      actions: [{ title: 'Fastställ stadens IT-standarder', owner: 'Kommunstyrelsen' }],
    },
    {
      key: 'fa4-2',
      focusArea: 4,
      title: 'Minska antalet tekniska plattformar med en tredjedel till 2011',
      description: 'Demoformulering i samma anda.',
      owner: 'Kommunstyrelsen',
      actions: [{ title: 'Samla verksamhetssystemen på gemensamma plattformar', owner: 'Kommunstyrelsen' }],
    },
    {
      key: 'fa5-1',
      focusArea: 5,
      title: 'Etablera användarnära funktioner och IT-tjänster med efterfrågad funktionalitet och prestanda',
      description: 'Citerat ur remissvaret, som föreslår formuleringen ”IT-tjänster som etableras ska vara effektiva och funktionella”.',
    },
  ],
  versionNote: 'Remissförslaget 2008.',
};

/** The goals (by title) of the e-strategy that seed 004 criticises as vague, by focus area (1-based). */
export const CRITICISED_GOALS: Record<number, string[]> = {
  2: ['Samverkan med övriga kommuner i regionen, landstinget och leverantörer', 'Service som utgår från invånarens livssituation'],
  3: ['Prioriterad styrning och ledning', 'Ökad samordning och samverkan'],
  5: ['Etablera användarnära funktioner och IT-tjänster med efterfrågad funktionalitet och prestanda'],
};

interface Followup {
  body: string;
  submit: boolean;
  summary: string;
  assessments: Array<[goalKey: string, assessment: Assessment, comment: string]>;
  challenges: string;
  nextSteps: string;
}

const FOLLOWUP_YEAR = 2024;
const FOLLOWUPS: Followup[] = [
  {
    body: 'Kulturnämnden',
    submit: true,
    summary: 'Biblioteken har gett digital vägledning i alla stadsdelar och fler invånare använder stadens e-tjänster. (Påhittad demotext.)',
    assessments: [
      ['social', 'onTrack', 'Vägledningen når allt fler, särskilt äldre invånare.'],
      ['life', 'atRisk', 'Kultur-e-tjänsterna behöver bli enklare att använda.'],
    ],
    challenges: 'Att nå invånare som inte redan besöker biblioteken.',
    nextSteps: 'Vägledning på fler språk och i samarbete med stadsdelarna.',
  },
  {
    body: 'Arbetsmarknadsnämnden',
    submit: true,
    summary: 'Fler ärenden inleds digitalt och samverkan med näringslivet har formaliserats. (Påhittad demotext.)',
    assessments: [
      ['economic', 'atRisk', 'E-tjänsterna ökar, men långsammare än planerat.'],
      ['business', 'onTrack', 'Forumet med näringslivet träffas varje kvartal.'],
    ],
    challenges: 'Den digitala mognaden bland deltagarna varierar mycket.',
    nextSteps: 'Ersätta de sista pappersblanketterna.',
  },
  {
    body: 'AB Stokab',
    submit: false,
    summary: 'Utkast: fiberutbyggnaden till stadens lokaler fortsätter. (Påhittad demotext.)',
    assessments: [['ecological', 'notStarted', 'Uppkopplingen av sensorer börjar nästa år.']],
    challenges: '',
    nextSteps: '',
  },
];

async function seedOne(
  ctx: Ctx,
  spec: StrategySpec,
  bodyIdsByName: Record<string, string>,
  summary: StrategyDemoResult['summary'],
): Promise<{ id: string; goalIds: Record<string, string> } | null> {
  const existing = await repo.findStrategyByTitle(ctx.db, spec.title);
  if (existing) return null;
  const body = (name: string | undefined) => (name ? (bodyIdsByName[name] ?? null) : null);
  return ctx.db.transaction(async (tx) => {
    const c: Ctx = { ...ctx, db: tx };
    const strategy = await createStrategy(c, { title: spec.title, vision: spec.vision, goalPicture: spec.goalPicture, ownerBodyId: body(spec.owner) });
    summary.newStrategies++;
    for (const e of spec.elements) await addElement(c, strategy.id, e);
    const focusAreaIds: string[] = [];
    for (const fa of spec.focusAreas) focusAreaIds.push((await addFocusArea(c, strategy.id, fa)).id);
    const goalIds: Record<string, string> = {};
    for (const g of spec.goals) {
      const goal = await addGoal(c, strategy.id, {
        title: g.title,
        description: g.description ?? '',
        dimensions: g.dimensions ?? [],
        ownerBodyId: body(g.owner),
        focusAreaId: g.focusArea ? (focusAreaIds[g.focusArea - 1] ?? null) : null,
      });
      goalIds[g.key] = goal.id;
      summary.newGoals++;
      for (const a of g.actions ?? []) await addAction(c, strategy.id, { title: a.title, description: a.description ?? '', goalId: goal.id, ownerBodyId: body(a.owner) });
      for (const i of g.indicators ?? []) {
        const first = 2024 - i.values.length + 1;
        const indicator = await createIndicator(c, {
          goalId: goal.id,
          slug: i.slug,
          name: i.name,
          description: i.description,
          unit: i.unit,
          direction: i.direction,
          periodicity: 'year',
          baseline: i.baseline,
          baselinePeriod: String(first),
          target: i.target,
          targetPeriod: i.targetPeriod,
          source: 'ILS (demovärden)',
          ownerBodyId: body(i.owner ?? g.owner),
        });
        summary.newIndicators++;
        const csv = ['period;värde;kommentar', ...i.values.map((v, n) => `${first + n};${String(v).replace('.', ',')};${DEMO_NOTE}`)].join('\n');
        summary.newValues += (await importIndicatorValues(c, indicator.id, { csv })).stored;
      }
    }
    await saveStrategyVersion(c, strategy.id, { note: spec.versionNote });
    return { id: strategy.id, goalIds };
  });
}

/**
 * Seed both demo strategies. `bodyIdsByName` comes from the organisation demo ("Kommunstyrelsen",
 * "Kulturnämnden" …); bodies that are missing leave goals without an owner. With `adoption`, the
 * smart-city strategy is also recorded as adopted by that decision (the coordinator's demo knows
 * the referral round and the meeting).
 */
export async function seedStrategyDemo(
  ctx: Ctx,
  opts: { bodyIdsByName: Record<string, string>; adoption?: { adoptedOn: string; adoptionItemId?: string | null; referralId?: string | null } },
): Promise<StrategyDemoResult> {
  const summary = { newStrategies: 0, newGoals: 0, newIndicators: 0, newValues: 0, newFollowups: 0 };
  const smart = await seedOne(ctx, SMART_CITY, opts.bodyIdsByName, summary);
  const eStrategy = await seedOne(ctx, E_STRATEGY, opts.bodyIdsByName, summary);
  const smartId = smart?.id ?? (await repo.findStrategyByTitle(ctx.db, SMART_CITY_TITLE))!.id;
  const eId = eStrategy?.id ?? (await repo.findStrategyByTitle(ctx.db, E_STRATEGY_TITLE))!.id;

  if (opts.adoption) {
    const s = (await repo.findStrategy(ctx.db, smartId))!;
    if (s.status === 'draft') await adoptStrategy(ctx, smartId, { ...opts.adoption, note: 'Antagen.' });
  }

  if (smart) {
    for (const f of FOLLOWUPS) {
      const bodyId = opts.bodyIdsByName[f.body];
      if (!bodyId) continue;
      const row = await saveFollowup(ctx, {
        strategyId: smartId,
        bodyId,
        year: FOLLOWUP_YEAR,
        summary: f.summary,
        goalAssessments: f.assessments.map(([key, assessment, comment]) => ({ goalId: smart.goalIds[key]!, assessment, comment })),
        challenges: f.challenges,
        nextSteps: f.nextSteps,
      });
      if (f.submit) await submitFollowup(ctx, row.id);
      summary.newFollowups++;
    }
  }
  return { strategyIds: { smartCity: smartId, eStrategy: eId }, summary };
}
