import type { Db } from '../db/client.js';
import type { Ctx } from './context.js';

/**
 * In-process domain events that run inside the publishing command's transaction, so a module can
 * react to another's change without importing it (meetings publish, referrals subscribe: no
 * import cycle) and the reaction commits or rolls back with the change.
 *
 * Modules declare their events by augmenting `DomainEvents`:
 *   declare module '../../core/events.js' { interface DomainEvents { 'meetings.itemScheduled': {...} } }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEvents {}

export type EventName = keyof DomainEvents;
export type EventHandler<K extends EventName> = (tx: Db, ctx: Ctx, payload: DomainEvents[K]) => Promise<void>;

const handlers = new Map<string, EventHandler<never>[]>();

export function subscribe<K extends EventName>(name: K, handler: EventHandler<K>): void {
  const list = handlers.get(name as string) ?? [];
  list.push(handler as EventHandler<never>);
  handlers.set(name as string, list);
}

/** Runs every handler in order with the caller's transaction; a handler's error aborts the command. */
export async function publish<K extends EventName>(tx: Db, ctx: Ctx, name: K, payload: DomainEvents[K]): Promise<void> {
  for (const handler of handlers.get(name as string) ?? []) {
    await (handler as EventHandler<K>)(tx, ctx, payload);
  }
}

/** The events of the referral process (declared here so publishers and subscribers share one list). */
export interface DomainEvents {
  /** A statement was started or saved for a case (recipient: received → drafting). */
  'statements.drafted': { caseId: string; date: string };
  /** A case was placed on a meeting's agenda (recipient: → onAgenda). */
  'meetings.itemScheduled': { caseId: string; meetingDate: string };
  /** A case was taken off an agenda before a decision. */
  'meetings.itemUnscheduled': { caseId: string };
  /** The item's decision became final (minutes approved or immediate approval): recipient → decided. */
  'meetings.decisionFinal': { caseId: string; finalOn: string; extractDocumentId: string | null };
}
