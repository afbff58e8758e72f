import { Forbidden, Unauthenticated } from '../core/errors.js';
import type { Actor } from '../auth/actor.js';

/**
 * The one permission registry: `can(actor, action, subject)`. Each module's policy.ts registers
 * its actions with `definePermissions`; an action nobody registered is denied (deny by default).
 *
 * A rule is called with `subject` undefined for the route-level question "may this actor do this
 * at all?" (e.g. show the form), and with the subject for the object-level check in the command.
 */
export interface Subject {
  /** The body that owns the subject (its registry, its board). */
  bodyId?: string | null;
  /** KLASSA confidentiality 0–4 of the subject. */
  confidentiality?: number;
  [key: string]: unknown;
}

export type Rule = (actor: Actor, subject?: Subject) => boolean;

/** Pseudo-action for routes anyone may call; reads of classified data are still checked inside. */
export const PUBLIC = 'public';

const rules = new Map<string, Rule>([[PUBLIC, () => true]]);

export function definePermissions(defs: Record<string, Rule>): void {
  for (const [action, rule] of Object.entries(defs)) {
    if (rules.has(action)) throw new Error(`permission "${action}" is defined twice`);
    rules.set(action, rule);
  }
}

export function isKnownPermission(action: string): boolean {
  return rules.has(action);
}

export function listPermissions(): string[] {
  return [...rules.keys()].sort();
}

export function can(actor: Actor, action: string, subject?: Subject): boolean {
  const rule = rules.get(action);
  if (!rule) return false;
  return rule(actor, subject);
}

/** Throws Unauthenticated for anonymous actors (so pages can offer a login) and Forbidden otherwise. */
export function authorize(actor: Actor, action: string, subject?: Subject): void {
  if (can(actor, action, subject)) return;
  if (actor.kind === 'anonymous') throw new Unauthenticated();
  throw new Forbidden(action);
}
