/** Who is acting. Every command and permission check receives one. */
export const ROLES = [
  'administrator',
  'registrar',
  'caseOfficer',
  'boardSecretary',
  'councilMember',
  'boardMember',
] as const;
export type Role = (typeof ROLES)[number];

/** A role, either city-wide (bodyId null) or for one body (e.g. registrar of Kulturnämnden). */
export interface RoleGrant {
  role: Role;
  bodyId: string | null;
}

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string; username: string; displayName: string; grants: RoleGrant[] }
  | { kind: 'system'; label: string };

export const anonymous: Actor = { kind: 'anonymous' };
export const systemActor = (label = 'system'): Actor => ({ kind: 'system', label });

export function actorId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'user':
      return actor.username;
    case 'system':
      return `system:${actor.label}`;
    default:
      return 'anonymous';
  }
}

/** True if the actor holds `role` city-wide or for `bodyId`. */
export function hasRole(actor: Actor, role: Role, bodyId?: string | null): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  return actor.grants.some((g) => g.role === role && (g.bodyId === null || bodyId === undefined || g.bodyId === bodyId));
}

export function isAdministrator(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && actor.grants.some((g) => g.role === 'administrator'));
}
