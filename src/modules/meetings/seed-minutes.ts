/**
 * Seeds 000 and 001 (../shared/seeds, copies in src/modules/registry/demo-texts) as the meetings
 * module records them: the inputs of the commands, so the demo and the tests record the two protocol
 * extracts the same way. Rendering them gives the seeds' text back (test/meetings/seeds.test.ts).
 *
 * The meeting days are not in the seeds: placeholders before the referral deadline (30 September
 * 2016), the same as the registry demo's.
 */
import type { UpdateItemInput } from './commands/inputs.js';

export const STRATEGY_TITLE = 'Strategi för Stockholm som smart och uppkopplad stad';

/** Liberalerna's own proposal, identical in both boards (reservation in 000, proposal in 001). */
export const LIBERAL_POINTS = ['Att godkänna förvaltningens förslag till beslut.', 'Att därutöver anföra följande.'];
export const LIBERAL_TEXT = [
  'Liberalerna har länge drivit frågan om ett uppkopplat och smart Stockholm. 2010 genomfördes Chydeniusinitiativet med syfte att Stockholm skulle bli världsledande vad det gällde öppenhet i de offentliga arkiven, inte minst digitalt. Stockholm bör nu gå vidare med att öka tillgängligheten och transparensen hos stadens förvaltningar. Beslut och information ska enkelt bli tillgängliga för medborgarna, genom öppna arkiv, smarta e-tjänster och snabb service. Den digitala informationsförsörjningen är mycket viktig ur ett demokratiskt perspektiv. Men digitaliseringen rymmer så mycket mer än så.',
  'Därför är det bra att Stockholms stad satsar på att använda nutida och framtida digitala möjligheter för att göra livet ett enklare och bättre för invånare, företagare och besökare. Lika viktigt är det att digitaliseringen också får genomslag inom stadens verksamheter. Stadens förvaltningar och bolag måste bli bättre på att använda de möjligheter digitaliseringen ger och bidra till en smartare välfärd. Medborgarna måste få större tillgång till och kontroll över den information som berör dem, samtidigt som förvaltningarnas förmåga att använda datamängder på aggregerad nivå, med respekt för den personliga integriteten, måste uppmärksammas. Tillgången till information kan leda till en verklig revolution inom valfrihetsområdet, men då måste staden se till att den information som brukarna får är relevant, korrekt och lättöverskådlig.',
  'Möjligheterna att med hjälp av digital teknik anpassa allt från undervisning till äldreomsorg utifrån den enskildes förutsättningar och behov är närmast oändliga. Det kräver dock moderna regelverk som skyddar individens integritet och centrala kvalitetskrav utan att hämma nya metoder. Som Sveriges största kommun och en av Europas storstäder måste Stockholm spela en avgörande roll i påverkansarbetet för ändamålsenliga regelverk på nationell och europeisk nivå.',
  'Staden måste utnyttja den kraft som ligger i Stockholmsregionens högskolor genom att till exempel erbjuda möjligheter att testa nya metoder i form av examensarbeten. Medarbetarnas möjligheter att testa och implementera nya idéer i verksamheten måste stärkas. Inte minst i upphandling måste medarbetarnas synpunkter, perspektiv och arbetssätt tas tillvara. Staden måste hela tiden upprätthålla en ledande kompetens på upphandlingsområdet för att med ett effektivt användande av skattemedel få flexibla lösningar som fungerar för anställda och medborgare och som kan anpassas och utvecklas över tid.',
  'Stockholm ska vara en smart stad och ligga i framkant av det digitala innovationsarbetet.',
].join('\n');

export interface SeedMinutes {
  body: string;
  registryNumber: string;
  meetingDate: string;
  approvedOn: string;
  minutesTense: 'past' | 'present';
  paragraph: number;
  item: UpdateItemInput & { title: string };
}

/** Seed 000: Hägersten-Liljeholmens stadsdelsnämnd § 13 (past tense). */
export const SEED_000: SeedMinutes = {
  body: 'Hägersten-Liljeholmens stadsdelsnämnd',
  registryNumber: '304-2016-1.5.1',
  meetingDate: '2016-09-22',
  approvedOn: '2016-09-29',
  minutesTense: 'past',
  paragraph: 13,
  item: {
    title: STRATEGY_TITLE,
    subtitle: 'Yttrande till kommunstyrelsen',
    matterText: [
      'Kommunfullmäktige har beslutat att en strategi för Stockholm som smart och uppkopplad stad ska tas fram.',
      'Förvaltningen anser det viktigt att säkerställa användarvänlighet och kompetensutveckling. De tematiska områden som har identifierats i stadsdelsnämndernas lokala utvecklingsprogram kan vara intressanta att pröva i ett digitalt perspektiv. Applikationerna Engagera STHLM och Invånardialog, är intressanta initiativ inom demokratiområdet. Det är av stort värde att staden utvecklar bra metoder för att fånga upp verksamheternas behov i stadsdelsnämnderna.',
      'Hägersten-Liljeholmens stadsdelsförvaltning hade redovisat ärendet i ett tjänsteutlåtande från 30 augusti 2016.',
    ].join('\n'),
    administrationProposal: ['Hägersten-Liljeholmens stadsdelsnämnd godkänner förvaltningens tjänsteutlåtande och överlämnar det till kommunstyrelsen som svar på remissen.'],
    proposals: [
      {
        kind: 'supportsAdministration',
        members: [
          { name: 'Jessica Jormtun', party: 'MP', role: null, others: true },
          { name: 'Eva Fagerhem', party: 'S', role: null, others: true },
          { name: 'Carita Stenbacka Tenezakis', party: 'V', role: null },
          { name: 'Lars Svärd', party: 'M', role: null, others: true },
        ],
      },
      {
        kind: 'own',
        members: [{ name: 'Abit Dundar', party: 'L', role: null, others: true }],
        points: LIBERAL_POINTS,
        text: LIBERAL_TEXT,
      },
    ],
    debateClosedText: 'Ordföranden förklarade överläggningen avslutad.',
    procedure: {
      kind: 'acclamation',
      text: 'Ordföranden ställde förslagen mot varandra och fann att nämnden ställde sig bakom förvaltningens förslag.',
    },
    decisionPoints: ['Hägersten-Liljeholmens stadsdelsnämnd godkänner förvaltningens tjänsteutlåtande och överlämnar det till kommunstyrelsen som svar på remissen.'],
    // The reservation's text is L's proposal (points and text), printed with the reservation.
    reservations: [{ members: [{ name: 'Abit Dundar', party: 'L', role: null, others: true }], inFavourOfProposal: 2 }],
  },
};

/** Seed 001: Socialnämnden § 13 (present tense). */
export const SEED_001: SeedMinutes = {
  body: 'Socialnämnden',
  registryNumber: '1.7.1-368/2016',
  meetingDate: '2016-09-20',
  approvedOn: '2016-09-27',
  minutesTense: 'present',
  paragraph: 13,
  item: {
    title: STRATEGY_TITLE,
    subtitle: 'Svar på remiss från kommunstyrelsen',
    matterText: [
      'Kommunstyrelsen har i budget 2016 fått i uppdrag att i samverkan med AB Stokab, miljö- och hälsoskyddsnämnden och trafiknämnden ta fram en strategi för Stockholm som smart och uppkopplad stad och ”sakernas internet” (Internet of Things).',
      'I ärendet föreslås en strategi som syftar till att stimulera, vägleda och samordna insatser för att genom digitalisering bidra till målet om Stockholm som världens smartaste stad.',
      'Socialförvaltningen ställer sig positiv till förslaget till strategi för Stockholm som smart och uppkopplad stad. Förvaltningen ser stor potential att genom digitalisering och nya smarta lösningar kunna förenkla och förbättra tjänster inom det sociala området. Förvaltningen har flera pågående projekt inom området.',
      'Förvaltningen välkomnar att kommunstyrelsen kommer att genomföra en översyn av samtliga styrdokument inom it-området. Ett sammanhållet digitaliseringsprogram kommer att skapa förutsättningar för en tydligare styrning av it-utvecklingen i staden. Förvaltningen ser även positivt på att mer konkreta strategiska digitaliseringsplaner ska tas fram för varje verksamhetsområde.',
      'Förvaltningen hade redovisat ärendet i ett tjänsteutlåtande daterat 30 augusti 2016.',
    ].join('\n'),
    administrationProposal: ['Socialnämnden hänvisar till tjänsteutlåtandet som svar på remissen.', 'Socialnämnden överlämnar ärendet till kommunstyrelsen.'],
    proposals: [
      { kind: 'supportsAdministration', members: [{ name: '', party: null, role: 'chair' }] },
      {
        kind: 'own',
        // As printed: the serving substitute's party is not repeated in the proposal.
        members: [
          { name: 'Frida Johansson Metso', party: 'L', role: 'member' },
          { name: 'Inga-Lill Persson', party: null, role: 'servingSubstitute' },
        ],
        points: LIBERAL_POINTS,
        text: LIBERAL_TEXT,
      },
    ],
    procedure: {
      kind: 'acclamation',
      text: 'Ordföranden ställer förslagen mot varandra och finner att nämnden beslutar enligt förvaltningens förslag.',
    },
    decisionPoints: ['Socialnämnden hänvisar till tjänsteutlåtandet som svar på remissen.', 'Socialnämnden överlämnar ärendet till kommunstyrelsen.'],
    reservations: [
      {
        members: [
          { name: 'Frida Johansson Metso', party: 'L', role: 'member' },
          { name: 'Inga-Lill Persson', party: 'L', role: 'servingSubstitute' },
        ],
        inFavourOfProposal: 2,
      },
    ],
  },
};
