/** Paths of the archive-import test fixtures (used by the tests only). */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../../../../', import.meta.url);
export const fixturesDir = fileURLToPath(new URL('test/fixtures/archive/', root));

export function fixtureFiles(sub: 'seeds' | 'unseen'): string[] {
  return readdirSync(`${fixturesDir}${sub}`).filter((f) => !f.startsWith('.')).sort();
}

export function readFixtureBytes(sub: 'seeds' | 'unseen', file: string): Uint8Array {
  return new Uint8Array(readFileSync(`${fixturesDir}${sub}/${file}`));
}

export function readFixtureText(sub: 'seeds' | 'unseen', file: string): string {
  return readFileSync(`${fixturesDir}${sub}/${file}`, 'utf8');
}

export function readExpected(file: string): unknown {
  return JSON.parse(readFileSync(`${fixturesDir}expected/${file}.json`, 'utf8'));
}
