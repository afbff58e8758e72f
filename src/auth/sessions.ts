import { createHash } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import { newToken } from '../core/ids.js';
import type { Db } from '../db/client.js';
import type { Actor } from './actor.js';
import { authRepository, type SessionRow } from './repository.js';

export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
// Writing last_seen_at on every request would turn each page view into a write.
const TOUCH_EVERY_MS = 60 * 1000;

/** Only the hash of the cookie token is stored, so a database leak yields no usable sessions. */
export const sessionIdOf = (token: string): string => createHash('sha256').update(token).digest('base64url');

export async function createSession(db: Db, clock: Clock, userId: string, userAgent: string | null): Promise<string> {
  const token = newToken();
  const now = clock.now();
  await authRepository.insertSession(db, { id: sessionIdOf(token), userId, createdAt: now, lastSeenAt: now, userAgent });
  return token;
}

export function isExpired(session: SessionRow, now: Date): boolean {
  return (
    now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS ||
    now.getTime() - session.createdAt.getTime() > SESSION_ABSOLUTE_MS
  );
}

export interface ResolvedSession {
  sessionId: string;
  actor: Actor & { kind: 'user' };
  locale: string;
}

/** The session behind a cookie token, or null if unknown, expired (then deleted) or the user is disabled. */
export async function resolveSession(db: Db, clock: Clock, token: string): Promise<ResolvedSession | null> {
  const id = sessionIdOf(token);
  const session = await authRepository.findSession(db, id);
  if (!session) return null;
  const now = clock.now();
  if (isExpired(session, now)) {
    await authRepository.deleteSession(db, id);
    return null;
  }
  const user = await authRepository.findUserById(db, session.userId);
  if (!user || !user.active) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await authRepository.touchSession(db, id, now);
  const grants = await authRepository.grantsOf(db, user.id);
  return {
    sessionId: id,
    locale: user.locale,
    actor: { kind: 'user', userId: user.id, username: user.username, displayName: user.displayName, grants },
  };
}

export async function destroySession(db: Db, token: string): Promise<void> {
  await authRepository.deleteSession(db, sessionIdOf(token));
}
