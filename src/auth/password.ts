import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

/** OWASP's argon2id minimum: 19 MiB, 2 iterations, 1 lane. (2 = Algorithm.Argon2id, a const enum.) */
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary },
  graphs: common.adjacencyGraphs,
});

// Words every attacker tries first against a Swedish city's accounts.
const LOCAL_WORDS = ['stockholm', 'stadsnav', 'lösenord', 'losenord', 'sommar', 'vinter', 'hösten', 'våren', 'kommun', 'nämnd', 'diarium'];

export async function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * ASVS L2 (v4 2.1.1, 2.1.2, 2.1.7, 2.1.9): 12–128 characters, any characters, no composition
 * rules, and refuse common or breached passwords (the offline list of ~30 000 most common
 * passwords from breaches, plus guessability with the user's own names). Returns i18n keys.
 */
export async function passwordProblems(password: string, userInputs: string[] = []): Promise<string[]> {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return ['auth.password.tooShort'];
  if (length > PASSWORD_MAX) return ['auth.password.tooLong'];
  const result = await zxcvbn.checkAsync(password, [...userInputs.filter(Boolean), ...LOCAL_WORDS]);
  const fromList = result.sequence.some(
    (m) => m.pattern === 'dictionary' && m.token.length >= password.length - 4 && String(m.dictionaryName).startsWith('passwords'),
  );
  if (fromList) return ['auth.password.common'];
  if (result.score < 3) return ['auth.password.guessable'];
  return [];
}
