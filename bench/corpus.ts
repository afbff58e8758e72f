/**
 * A generated corpus of Swedish protocol extracts, statements and memos for the import benchmark.
 * Deterministic (seeded PRNG) so runs are comparable; built from the shapes of the five seeds with
 * other bodies, numbers, dates, members and paragraph orders, and 10 % OCR damage (å/ä/ö lost).
 */
const BODIES = [
  'Hägersten-Liljeholmens stadsdelsnämnd', 'Socialnämnden', 'Kulturnämnden', 'Arbetsmarknadsnämnden', 'Trafiknämnden',
  'Miljö- och hälsoskyddsnämnden', 'Utbildningsnämnden', 'Äldrenämnden', 'Skärholmens stadsdelsnämnd', 'Norrmalms stadsdelsnämnd',
  'Idrottsnämnden', 'Stadsbyggnadsnämnden', 'Exploateringsnämnden', 'Fastighetsnämnden', 'Servicenämnden',
];
const PEOPLE = [
  ['Jessica Jormtun', 'MP'], ['Eva Fagerhem', 'S'], ['Carita Stenbacka Tenezakis', 'V'], ['Lars Svärd', 'M'], ['Abit Dundar', 'L'],
  ['Frida Johansson Metso', 'L'], ['Inga-Lill Persson', 'L'], ['Anna Berg', 'C'], ['Erik Lind', 'KD'], ['Maria Holm', 'SD'],
] as const;
const SUBJECTS = [
  'Strategi för Stockholm som smart och uppkopplad stad', 'Uppdatering av Stockholms stads e-strategi', 'Program för öppna data',
  'Riktlinjer för informationssäkerhet', 'Handlingsplan för digital delaktighet', 'Budget för digitaliseringsprojekt 2019',
];
const PARAGRAPHS = [
  'Förvaltningen anser det viktigt att säkerställa användarvänlighet och kompetensutveckling.',
  'Medborgarna måste få större tillgång till och kontroll över den information som berör dem, med respekt för den personliga integriteten.',
  'Digitaliseringsrådet prioriterar och finansierar projekt inom ramen för strategin.',
  'Förvaltningen ser en risk för digitalt utanförskap och föreslår insatser för de invånare som saknar tillgång till internet.',
  'Kostnaderna fördelas enligt principen att den nyttjande verksamheten bär de specifika kostnaderna.',
  'Öppna data och öppna arkiv ökar transparensen hos stadens förvaltningar.',
  'Samverkan mellan förvaltningar och bolag är en förutsättning för gemensamma digitala plattformar.',
  'Informationsklassning enligt KLASSA ska göras innan data från olika källor blandas.',
];
const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function generateCorpus(count: number, seed = 42): Array<{ name: string; text: string }> {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const n = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const out: Array<{ name: string; text: string }> = [];
  for (let i = 0; i < count; i++) {
    const body = pick(BODIES);
    const subject = pick(SUBJECTS);
    const year = n(2008, 2024);
    const dnr = pick([
      () => `${n(100, 999)}-${year}-1.5.1`,
      () => `1.7.1-${n(1, 999)}/${year}`,
      () => `${n(100, 999)}-${n(1, 999)}/${year}`,
      () => `1.5.1-${n(1, 999)}-${year}`,
    ])();
    const date = `${n(1, 28)} ${pick(MONTHS)} ${year}`;
    const paras = Array.from({ length: n(2, 6) }, () => pick(PARAGRAPHS)).join('\n\n');
    const kind = rnd();
    let text: string;
    if (kind < 0.5) {
      const [a, ap] = pick(PEOPLE);
      const [b, bp] = pick(PEOPLE);
      text = `§ ${n(1, 60)}\n\n${subject}\nYttrande till kommunstyrelsen\nDnr ${dnr}\n\nBeslut\n1. ${body} godkänner förvaltningens tjänsteutlåtande.\n2. ${body} överlämnar ärendet till kommunstyrelsen.\n\nÄrendet\n${paras}\n\nFörslag till beslut\n${a} m.fl. (${ap}) föreslog att nämnden skulle besluta enligt förvaltningens förslag.\n${b} (${bp}) lade fram ett eget förslag.\n\nBeslutsgång\nOrdföranden ställde förslagen mot varandra och fann att nämnden beslutat enligt förvaltningens förslag.\n\nReservation\n${b} (${bp}) reserverade sig till förmån för eget förslag.\n”${pick(PARAGRAPHS)}”\n`;
    } else if (kind < 0.9) {
      text = `Tjänsteutlåtande\nDnr ${dnr}\nSida 1 (3)\n${date}\n\nHandläggare\nAnna Andersson\n\nTill ${body}\n\n${subject}\nSvar på remiss från kommunstyrelsen\n\nFörvaltningens förslag till beslut\n1. Nämnden godkänner förvaltningens tjänsteutlåtande som svar på remissen.\n\nSammanfattning\n${paras}\n\nBakgrund\n${pick(PARAGRAPHS)}\n\nFörvaltningens synpunkter\n${paras}\n\nBengt Bengtsson\nFörvaltningschef\n\nBilagor\n1. Strategi\n2. Kommunikationsstrategi\n`;
    } else {
      text = `PM\n${date}\n${subject}\n\n${paras}\n`;
    }
    if (rnd() < 0.1) text = text.replace(/[åä]/g, 'a').replace(/ö/g, 'o'); // OCR damage
    out.push({ name: `doc-${String(i).padStart(5, '0')}.txt`, text });
  }
  return out;
}
