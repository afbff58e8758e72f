import { authorize } from '../../access/index.js';
import { verifyAuditChain, type VerifyResult } from '../../audit/index.js';
import type { RoleGrant } from '../../auth/index.js';
import type { Ctx } from '../../core/context.js';
import { NotFound } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import { listBodies, PAGE_SIZE_MAX } from '../organisation/index.js';
import { usersRepository, type AccountRow, type AuditFilter, type AuditLogRow, type BodyOption } from './repository.js';

export interface Paging {
  page: number;
  pageSize: number;
}

export interface Account {
  user: AccountRow;
  roles: RoleGrant[];
}

const offsetOf = (p: Paging) => (p.page - 1) * p.pageSize;

/** Administrators: accounts, optionally searched by username, name or e-mail. */
export async function listAccounts(ctx: Ctx, opts: Paging & { q?: string | undefined }): Promise<{ items: Account[]; total: number }> {
  authorize(ctx.actor, 'user.manage');
  const { rows, total } = await usersRepository.searchUsers(ctx.db, { offset: offsetOf(opts), limit: opts.pageSize, q: opts.q });
  const grants = await usersRepository.grantsOfUsers(ctx.db, rows.map((r) => r.id));
  return { items: rows.map((user) => ({ user, roles: grants.get(user.id) ?? [] })), total };
}

/** Administrators: one account; 404 for unknown ids (also for ids that are not uuids). */
export async function getAccount(ctx: Ctx, id: string): Promise<Account> {
  authorize(ctx.actor, 'user.manage');
  return loadAccount(ctx, id);
}

/** The logged-in user's own account. */
export async function getOwnAccount(ctx: Ctx): Promise<Account> {
  authorize(ctx.actor, 'session.own');
  if (ctx.actor.kind !== 'user') throw new NotFound('user');
  return loadAccount(ctx, ctx.actor.userId);
}

async function loadAccount(ctx: Ctx, id: string): Promise<Account> {
  if (!isUuid(id)) throw new NotFound('user');
  const [user] = await usersRepository.usersByIds(ctx.db, [id]);
  if (!user) throw new NotFound('user');
  const grants = await usersRepository.grantsOfUsers(ctx.db, [id]);
  return { user, roles: grants.get(id) ?? [] };
}

/** Bodies a role can be scoped to (archived ones too), by name. */
export async function listRoleBodies(ctx: Ctx): Promise<BodyOption[]> {
  const out: BodyOption[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await listBodies(ctx.db, { page, pageSize: PAGE_SIZE_MAX, includeArchived: true });
    out.push(...items.map((b) => ({ id: b.id, name: b.name })));
    if (items.length === 0 || out.length >= total) return out;
  }
}

/** Administrators: audit entries, newest first, with the usernames of user subjects for display. */
export async function listAuditEntries(
  ctx: Ctx,
  filter: AuditFilter,
  paging: Paging,
): Promise<{ rows: AuditLogRow[]; total: number; usernames: Map<string, string> }> {
  authorize(ctx.actor, 'audit.read');
  const { rows, total } = await usersRepository.auditEntries(ctx.db, filter, { offset: offsetOf(paging), limit: paging.pageSize });
  const userIds = [...new Set(rows.filter((r) => r.subjectType === 'user' && r.subjectId && isUuid(r.subjectId)).map((r) => r.subjectId!))];
  const usernames = await usersRepository.usernamesByIds(ctx.db, userIds);
  return { rows, total, usernames };
}

/** Administrators: walk the whole hash chain of the audit log. */
export async function verifyChain(ctx: Ctx): Promise<VerifyResult> {
  authorize(ctx.actor, 'audit.read');
  return verifyAuditChain(ctx.db);
}
