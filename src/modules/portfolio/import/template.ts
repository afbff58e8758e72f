import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { COLUMNS } from './rows.js';

/**
 * The downloadable templates: the Swedish headers and two example rows (invented demo values),
 * as CSV (semicolon-separated, UTF-8 with BOM, as Swedish Excel opens it) and as XLSX with a
 * second sheet explaining the columns and the allowed values.
 */
export const TEMPLATE_EXAMPLES: string[][] = [
  [
    'Öppen dataplattform',
    'förutsättningsprojekt',
    'Kommunstyrelsen',
    'föreslaget',
    'Gemensam plattform för öppna data från stadens verksamheter.',
    '4 000 000',
    'delad',
    'lika delar mellan nämnderna',
    'Öppna data blir lätta att hitta och återanvända.',
    'Informationsklassning av blandade datakällor.',
    '2027-01-01',
    '2028-12-31',
    '',
    '',
    '',
    '1',
  ],
  [
    'Digitala bibliotekstjänster',
    'verksamhetsprojekt',
    'Kulturnämnden',
    'föreslaget',
    'E-tjänster för lån, evenemang och digitala talböcker.',
    '1 500 000',
    'ägare',
    '',
    'Enklare service för invånarna.',
    'Användardata måste hanteras varsamt.',
    '2027-03-01',
    '',
    '',
    'Öppen dataplattform',
    '',
    '1',
  ],
];

export function templateCsv(): Buffer {
  const text = stringify([COLUMNS.map((c) => c.sv), ...TEMPLATE_EXAMPLES], { delimiter: ';', record_delimiter: '\r\n' });
  return Buffer.concat([Buffer.from('\uFEFF', 'utf8'), Buffer.from(text, 'utf8')]);
}

const HELP: Array<[string, string]> = [
  ['Titel', 'Projektets namn (obligatoriskt, unikt i filen). Används när andra rader hänvisar till projektet.'],
  ['Typ', 'verksamhetsprojekt eller förutsättningsprojekt (obligatoriskt).'],
  ['Ägare', 'Nämndens eller bolagsstyrelsens namn, t.ex. Kulturnämnden (obligatoriskt).'],
  ['Status', 'föreslaget (möjligt projekt), pågående, pausat, avslutat eller avbrutet. Tomt = föreslaget.'],
  ['Kostnad per år (kr)', 'Uppskattad kostnad i kronor per år, t.ex. 1 500 000 eller 1,5 mnkr.'],
  ['Kostnadsbärare', 'ägare (verksamheten bär kostnaden) eller delad (gemensam plattform). Tomt = ägare.'],
  ['Fördelningsnyckel', 'Hur en delad kostnad fördelas, t.ex. "per antal användare". Krävs när kostnaden är delad.'],
  ['Start, Slut', 'Datum som ÅÅÅÅ-MM-DD.'],
  ['Mål', 'Strategins mål som projektet bidrar till, med målets rubrik. Flera skiljs med semikolon.'],
  ['Beroende av', 'Projekt som måste finnas för att detta ska kunna genomföras: titlar på befintliga projekt eller rader i filen, skilda med semikolon.'],
  ['Huvudprojekt', 'Titel på ett projekt som detta är ett delprojekt till (dess framdrift räknas samman viktat).'],
  ['Vikt', 'Delprojektets vikt i huvudprojektets framdrift. Tomt = 1.'],
  ['Allt eller inget', 'Filen sparas bara om alla rader är giltiga. Annars sparas ingenting och rapporten visar rad, kolumn och fel.'],
];

export async function templateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Stadsnav';
  const sheet = workbook.addWorksheet('Projekt');
  sheet.addRow(COLUMNS.map((c) => c.sv));
  sheet.getRow(1).font = { bold: true };
  for (const example of TEMPLATE_EXAMPLES) sheet.addRow(example);
  sheet.columns.forEach((col) => (col.width = 22));
  const help = workbook.addWorksheet('Instruktioner');
  help.addRow(['Kolumn', 'Innehåll']);
  help.getRow(1).font = { bold: true };
  for (const row of HELP) help.addRow(row);
  help.getColumn(1).width = 24;
  help.getColumn(2).width = 100;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
