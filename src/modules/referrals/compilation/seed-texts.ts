import { readFileSync } from 'node:fs';

/**
 * L's reservation as printed in seeds 000 and 001 (the registry's copies of the seed documents),
 * for the compilation's tests: 000 prints it in quotation marks with a blank line after every
 * printed line; 001 prints it as the members' own proposal, with its points on their own lines
 * and a paragraph break in the middle of a sentence ("Inte / minst").
 */
const seed = (file: string) => readFileSync(new URL(`../../registry/demo-texts/${file}`, import.meta.url), 'utf8');

function between(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end, from);
  if (from < 0 || to < 0) throw new Error(`seed text not found: ${start}`);
  return text.slice(from, to + end.length);
}

/** Seed 000: the text of Abit Dundar m.fl. (L)'s reservation, quotation marks and all. */
export const seed000Reservation = (): string => between(seed('000_605d7dfb49ed5342.txt'), '”1. Att godkänna', 'innovationsarbetet.”');

/** Seed 001: the own proposal of Frida Johansson Metso (L) and Inga-Lill Persson (L): points, then text. */
export function seed001Proposal(): { points: string[]; text: string } {
  const block = between(seed('001_41b9deafe301b80b.txt'), '1. Att godkänna', 'innovationsarbetet.');
  const [first, second, ...rest] = block.split('\n');
  return { points: [first!.replace(/^1\.\s*/, ''), second!.replace(/^2\.\s*/, '')], text: rest.join('\n').trim() };
}

/** Seed 000's "Ärendet" paragraph that names usability and competence development. */
export const seed000Matter = (): string => between(seed('000_605d7dfb49ed5342.txt'), 'Förvaltningen anser det viktigt', 'stadsdelsnämnderna.');
