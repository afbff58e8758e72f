import type { VerifyResult } from '../../audit/index.js';
import { ROLES, type RoleGrant } from '../../auth/index.js';
import type { Locale, Translate } from '../../core/i18n.js';
import type { Account } from './queries.js';
import type { AuditLogRow } from './repository.js';

/** API JSON of an account. Never the password hash or the failed-login counter. */
export function presentAccount({ user, roles }: Account) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    locale: user.locale,
    active: user.active,
    lockedUntil: user.lockedUntil ? user.lockedUntil.toISOString() : null,
    roles: sortGrants(roles),
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

/** API JSON of an audit entry: exactly what is hashed, so a reader can re-check the chain. */
export function presentAuditEntry(row: AuditLogRow) {
  return {
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    summary: (row.summary ?? {}) as Record<string, unknown>,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

export function presentVerifyResult(result: VerifyResult) {
  return result.ok
    ? { ok: true, entries: result.entries, lastHash: result.lastHash }
    : { ok: false, entries: result.entries, brokenAt: result.brokenAt, reason: result.reason };
}

/** Roles in the order of ROLES, city-wide first: stable output for API and pages. */
export function sortGrants(grants: readonly RoleGrant[]): RoleGrant[] {
  return [...grants].sort(
    (a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || (a.bodyId ?? '').localeCompare(b.bodyId ?? ''),
  );
}

export type BodyNames = ReadonlyMap<string, string>;

export function grantLabel(grant: RoleGrant, t: Translate, bodyNames: BodyNames): string {
  const role = t(`role.${grant.role}`);
  const body = grant.bodyId === null ? t('users.roles.wholeCityInline') : (bodyNames.get(grant.bodyId) ?? t('users.roles.unknownBodyName'));
  return t('users.roles.forBody', { role, body });
}

export function grantsLabel(grants: readonly RoleGrant[], t: Translate, bodyNames: BodyNames): string {
  return grants.length ? sortGrants(grants).map((g) => grantLabel(g, t, bodyNames)).join(', ') : t('users.roles.none');
}

const dateTimeFormats: Record<Locale, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Stockholm' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/Stockholm' }),
};
export const formatDateTime = (locale: Locale, d: Date): string => dateTimeFormats[locale].format(d);

/** The verification result as one sentence and, when broken, the reason, in the reader's language. */
export function verifyMessage(result: VerifyResult, t: Translate): { ok: boolean; text: string; reason?: string } {
  if (result.ok) return { ok: true, text: t('users.audit.verify.ok', { entries: result.entries }) };
  const kind = /missing/.test(result.reason) ? 'missing' : /link/.test(result.reason) ? 'link' : 'altered';
  return {
    ok: false,
    text: t('users.audit.verify.broken', { seq: result.brokenAt, entries: result.entries }),
    reason: t(`users.audit.verify.reason.${kind}`, { seq: result.brokenAt }),
  };
}

export interface ChangeLine {
  label: string;
  before?: string;
  after?: string;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isGrant = (v: unknown): v is RoleGrant =>
  isPlainObject(v) && typeof v.role === 'string' && (ROLES as readonly string[]).includes(v.role) && (v.bodyId === null || typeof v.bodyId === 'string');

function fieldLabel(key: string, t: Translate): string {
  const k = `users.audit.field.${key}`;
  const label = t(k);
  return label === k ? key : label;
}

function formatValue(value: unknown, t: Translate, bodyNames: BodyNames): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return t('common.none');
    if (value.every(isGrant)) return grantsLabel(value, t, bodyNames);
    return value.map((v) => formatValue(v, t, bodyNames)).join(', ');
  }
  return JSON.stringify(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A readable summary of an audit entry: the fields that changed (before → after), the fields
 * given when something was created, and any extra details (e.g. failed attempts).
 */
export function summaryLines(summary: unknown, t: Translate, bodyNames: BodyNames): ChangeLine[] {
  if (!isPlainObject(summary)) return [];
  const { before, after, ...details } = summary;
  const lines: ChangeLine[] = [];
  const fmt = (v: unknown) => formatValue(v, t, bodyNames);
  if (isPlainObject(before) || isPlainObject(after)) {
    const b = isPlainObject(before) ? before : undefined;
    const a = isPlainObject(after) ? after : undefined;
    const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
    for (const key of keys) {
      const hasBefore = b !== undefined && key in b;
      const hasAfter = a !== undefined && key in a;
      if (hasBefore && hasAfter && same(b[key], a[key])) continue;
      // "password not changed" on an ordinary edit is noise.
      if (key === 'passwordChanged' && !hasBefore && a?.[key] === false) continue;
      lines.push({
        label: fieldLabel(key, t),
        ...(hasBefore && { before: fmt(b[key]) }),
        ...(hasAfter && { after: fmt(a[key]) }),
      });
    }
  } else if (before !== undefined || after !== undefined) {
    lines.push({ label: '', ...(before !== undefined && { before: fmt(before) }), ...(after !== undefined && { after: fmt(after) }) });
  }
  for (const [key, value] of Object.entries(details)) lines.push({ label: fieldLabel(key, t), after: fmt(value) });
  return lines;
}
