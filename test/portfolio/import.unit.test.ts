import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { detectFormat, readCsv, readTable, readXlsx, UnreadableFile } from '../../src/modules/portfolio/import/read.js';
import { mapHeader, parseAmount, parseDate, planImport, type Lookups } from '../../src/modules/portfolio/import/rows.js';
import { templateCsv, templateXlsx } from '../../src/modules/portfolio/import/template.js';

const KULTUR = '11111111-1111-4111-8111-111111111111';
const KS = '22222222-2222-4222-8222-222222222222';
const GOAL = '33333333-3333-4333-8333-333333333333';
const EXISTING = '44444444-4444-4444-8444-444444444444';

const lookups = (may: string[] = [KULTUR, KS]): Lookups => ({
  bodies: new Map([
    ['kulturnämnden', { id: KULTUR, name: 'Kulturnämnden' }],
    ['kommunstyrelsen', { id: KS, name: 'Kommunstyrelsen' }],
    ['ks', { id: KS, name: 'Kommunstyrelsen' }],
  ]),
  mayWriteFor: (id) => may.includes(id),
  goals: new Map([['högsta livskvaliteten för stockholmarna', [{ id: GOAL, strategyId: 's' }]]]),
  projects: new Map([['e-tjänsteplattform', [{ id: EXISTING, ownerBodyId: KS }]]]),
});

const csv = (text: string) => readCsv(Buffer.from(text, 'utf8'));

describe('reading CSV and XLSX', () => {
  it('reads semicolon (Swedish Excel) and comma files, with BOM, quotes and blank rows', () => {
    const semi = csv('\uFEFFTitel;Typ;Ägare\n"Öppen; dataplattform";förutsättningsprojekt;KS\n\n;;\nSensornätverk;verksamhetsprojekt;KS\n');
    expect(semi.header).toEqual(['Titel', 'Typ', 'Ägare']);
    expect(semi.rows).toEqual([
      { row: 2, cells: ['Öppen; dataplattform', 'förutsättningsprojekt', 'KS'] },
      { row: 5, cells: ['Sensornätverk', 'verksamhetsprojekt', 'KS'] },
    ]);
    expect(csv('Title,Kind,Owner\nA,operational,KS\n').rows[0]!.cells).toEqual(['A', 'operational', 'KS']);
  });

  it('reads Windows-1252 files from older Excel', () => {
    const latin = Buffer.from('Titel;Typ;Ägare\nBibliotekets tjänster;verksamhetsprojekt;Kulturnämnden\n', 'latin1');
    expect(readCsv(latin).rows[0]!.cells[2]).toBe('Kulturnämnden');
    expect(readCsv(latin).header[2]).toBe('Ägare');
  });

  it('tells CSV from XLSX by content and name, and refuses others', () => {
    expect(detectFormat('projekt.csv', Buffer.from('a;b'))).toBe('csv');
    expect(detectFormat('projekt.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0]))).toBe('xlsx');
    expect(detectFormat('projekt.xlsx', Buffer.from('a;b'))).toBeNull();
    expect(detectFormat('projekt.pdf', Buffer.from('%PDF'))).toBeNull();
    expect(() => csv('')).toThrow(UnreadableFile);
    expect(() => csv('Titel;"Typ\nA;B')).toThrow(UnreadableFile);
  });

  it('reads the first sheet of an XLSX file with numbers, dates and rich text', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Projekt');
    sheet.addRow(['Titel', 'Typ', 'Ägare', 'Kostnad per år (kr)', 'Start']);
    sheet.addRow([{ richText: [{ text: 'Öppen ' }, { text: 'dataplattform' }] }, 'förutsättningsprojekt', 'KS', 4_000_000, new Date(Date.UTC(2027, 0, 1))]);
    sheet.addRow([]);
    sheet.addRow(['Sensornätverk', 'verksamhetsprojekt', 'KS', { formula: '1000*2000', result: 2_000_000 }, null]);
    const table = await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(table.format).toBe('xlsx');
    expect(table.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(table.rows[0]!.cells.slice(0, 4)).toEqual(['Öppen dataplattform', 'förutsättningsprojekt', 'KS', 4_000_000]);
    expect((table.rows[0]!.cells[4] as Date).toISOString().slice(0, 10)).toBe('2027-01-01');
    expect(table.rows[1]!.cells[3]).toBe(2_000_000);
    await expect(readXlsx(Buffer.from('PK\u0003\u0004 not really'))).rejects.toThrow(UnreadableFile);
  });

  it('offers templates that read back without errors', async () => {
    const fromCsv = await readTable('projektmall.csv', templateCsv());
    const fromXlsx = await readTable('projektmall.xlsx', await templateXlsx());
    expect(fromCsv.header).toEqual(fromXlsx.header);
    expect(mapHeader(fromCsv.header).errors).toEqual([]);
    expect(mapHeader(fromCsv.header).warnings).toEqual([]);
    expect(fromXlsx.rows).toHaveLength(2);
  });
});

describe('amounts and dates', () => {
  it('parse the ways people write them', () => {
    expect(parseAmount('1 500 000')).toBe(1_500_000);
    expect(parseAmount('1\u00a0500\u00a0000 kr')).toBe(1_500_000);
    expect(parseAmount('1,5 mnkr')).toBe(1_500_000);
    expect(parseAmount('250 tkr')).toBe(250_000);
    expect(parseAmount(42)).toBe(42);
    expect(parseAmount('mycket')).toBeNull();
    expect(parseAmount('-5')).toBeNull();
    expect(parseDate('2027-1-5')).toBe('2027-01-05');
    expect(parseDate('2027-02-30')).toBeNull();
    expect(parseDate('5/1/2027')).toBeNull();
  });
});

describe('validating rows (all or nothing)', () => {
  it('maps Swedish and English headers, warns about unknown columns and requires the essential ones', () => {
    expect(mapHeader(['Title', 'Kind', 'Owner', 'Kommentar']).warnings).toEqual([{ row: 1, column: 'Kommentar', message: 'portfolio.import.unknownColumn' }]);
    expect(mapHeader(['Titel', 'Ägare']).errors).toEqual([{ row: 1, column: 'Typ', message: 'portfolio.import.missingColumn' }]);
    expect(mapHeader(['Titel', 'Typ', 'Ägare', 'titel']).errors).toEqual([{ row: 1, column: 'titel', message: 'portfolio.import.duplicateColumn' }]);
  });

  it('accepts good rows, resolving bodies, goals and dependencies on rows of the file and existing projects', () => {
    const table = csv(
      [
        'Titel;Typ;Ägare;Status;Kostnad per år (kr);Kostnadsbärare;Fördelningsnyckel;Mål;Beroende av;Huvudprojekt',
        'Sensornätverk;verksamhetsprojekt;KS;föreslaget;2 000 000;;;Högsta livskvaliteten för stockholmarna;Öppen dataplattform;',
        'Öppen dataplattform;förutsättningsprojekt;Kommunstyrelsen;;4 mnkr;delad;lika delar;;E-tjänsteplattform;',
        'Bibliotekets e-tjänster;operational;Kulturnämnden;pågående;;;;;;Sensornätverk',
      ].join('\n'),
    );
    const plan = planImport(table, lookups());
    expect(plan.errors).toEqual([]);
    expect(plan.rows.map((r) => [r.row, r.input.title, r.input.kind, r.input.status, r.input.ownerBodyId, r.input.estimatedCostPerYear, r.input.costBearing])).toEqual([
      [2, 'Sensornätverk', 'operational', 'proposed', KS, 2_000_000, 'owner'],
      [3, 'Öppen dataplattform', 'enabling', 'proposed', KS, 4_000_000, 'shared'],
      [4, 'Bibliotekets e-tjänster', 'operational', 'ongoing', KULTUR, null, 'owner'],
    ]);
    expect(plan.rows[0]!.input.goalIds).toEqual([GOAL]);
    // Referred-to rows first: the platform before the sensors, the sensors before the library.
    expect(plan.order).toEqual([3, 2, 4]);
  });

  it('reports every problem by row, column and value', () => {
    const table = csv(
      [
        'Titel;Typ;Ägare;Kostnad per år (kr);Kostnadsbärare;Start;Slut;Mål;Beroende av',
        ';verksamhetsprojekt;KS;;;;;;',
        'A;projekt;Okänd nämnd;mycket;delad;2027-13-01;;Okänt mål;Finns inte',
        'B;verksamhetsprojekt;Kulturnämnden;;;2027-05-01;2027-01-01;;B',
        'E-tjänsteplattform;verksamhetsprojekt;KS;;;;;;',
        'C;verksamhetsprojekt;KS;;;;;;',
        'C;verksamhetsprojekt;KS;;;;;;',
      ].join('\n'),
    );
    const plan = planImport(table, lookups([KS]));
    const issues = plan.errors.map((e) => `${e.row} ${e.column}: ${e.message}${e.value ? ` (${e.value})` : ''}`);
    expect(issues).toEqual([
      '2 Titel: portfolio.import.required',
      '3 Typ: portfolio.import.kind (projekt)',
      '3 Ägare: portfolio.import.unknownBody (Okänd nämnd)',
      '3 Kostnad per år (kr): portfolio.import.amount (mycket)',
      '3 Start: portfolio.import.date (2027-13-01)',
      '3 Mål: portfolio.import.unknownGoal (Okänt mål)',
      '3 Beroende av: portfolio.import.unknownProject (Finns inte)',
      '3 Fördelningsnyckel: portfolio.costKey.required',
      '4 Ägare: portfolio.import.notAllowed (Kulturnämnden)',
      '4 Beroende av: portfolio.dependency.self (B)',
      '4 Slut: portfolio.endDate.beforeStart',
      '5 Titel: portfolio.import.exists (E-tjänsteplattform)',
      '6 Titel: portfolio.import.duplicateTitle (C)',
      '7 Titel: portfolio.import.duplicateTitle (C)',
    ]);
  });

  it('finds dependency cycles among the rows of the file', () => {
    const table = csv(['Titel;Typ;Ägare;Beroende av', 'A;verksamhetsprojekt;KS;B', 'B;verksamhetsprojekt;KS;C', 'C;verksamhetsprojekt;KS;A', 'D;verksamhetsprojekt;KS;A'].join('\n'));
    const plan = planImport(table, lookups());
    expect(plan.errors.map((e) => [e.row, e.message])).toEqual([
      [2, 'portfolio.import.cycle'],
      [3, 'portfolio.import.cycle'],
      [4, 'portfolio.import.cycle'],
    ]);
  });
});
