import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/client.js';
import type { Clock } from './clock.js';

/** What every command and query receives: the database (or a transaction), the clock and who acts. */
export interface Ctx {
  db: Db;
  clock: Clock;
  actor: Actor;
}
