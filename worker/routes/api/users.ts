/**
 * `/api/users`: every signed-in role lists accounts (needed to assign conversations); only
 * admins create, change and disable them. Deleting disables: past replies keep an author
 * name, and the account can no longer sign in. The last active admin cannot be demoted.
 */
import { Hono } from 'hono';
import { type ConsoleUser, UserCreateSchema, UserPatchSchema } from '../../../schemas/users';
import { HttpError } from '../../errors';
import { hashPassword } from '../../auth/password';
import { endUserSessions, requireRole, type ConsoleEnv } from '../../auth/session';
import { newUserId, toConsoleUser, type UserRow } from '../../auth/users';
import * as v from 'valibot';
import { IdParam, jsonBody, params } from '../validate';

type PublicRow = Pick<UserRow, 'id' | 'email' | 'name' | 'role' | 'disabled'>;
const COLUMNS = 'id, email, name, role, disabled';

async function findUser(env: Env, id: string): Promise<PublicRow> {
  const row = await env.DB.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`).bind(id).first<PublicRow>();
  if (!row) throw new HttpError(404, 'not_found', `No user ${id}.`);
  return row;
}

/** Refuses a change that would leave no active admin (nobody could manage the console). */
async function assertAnotherAdmin(env: Env, exceptId: string): Promise<void> {
  const other = await env.DB.prepare("SELECT 1 AS one FROM users WHERE role = 'admin' AND disabled = 0 AND id != ? LIMIT 1")
    .bind(exceptId)
    .first();
  if (!other) throw new HttpError(409, 'last_admin', 'This is the last active admin; make someone else admin first.');
}

const admin = requireRole('admin');
const userId = params(v.object({ id: IdParam }));

export const users = new Hono<ConsoleEnv>()
  .get('/', async (c) => {
    const { results } = await c.env.DB.prepare(
      `SELECT ${COLUMNS} FROM users ORDER BY disabled, name COLLATE NOCASE, email`,
    ).all<PublicRow>();
    return c.json(results.map(toConsoleUser) satisfies ConsoleUser[]);
  })
  .post('/', admin, jsonBody(UserCreateSchema), async (c) => {
    const input = c.req.valid('json');
    const id = newUserId();
    const hash = await hashPassword(input.password);
    const inserted = await c.env.DB.prepare(
      'INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING',
    )
      .bind(id, input.email, input.name, input.role, hash, new Date().toISOString())
      .run();
    if (!inserted.meta.changes) throw new HttpError(409, 'email_taken', `An account already uses ${input.email}.`);
    return c.json(toConsoleUser({ id, email: input.email, name: input.name, role: input.role, disabled: 0 }) satisfies ConsoleUser, 201);
  })
  .patch('/:id', admin, userId, jsonBody(UserPatchSchema), async (c) => {
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    const current = await findUser(c.env, id);
    const losesAdmin = current.role === 'admin' && ((patch.role && patch.role !== 'admin') || patch.disabled === true);
    if (losesAdmin) await assertAnotherAdmin(c.env, id);
    const hash = patch.password ? await hashPassword(patch.password) : null;
    await c.env.DB.prepare(
      `UPDATE users SET name = COALESCE(?, name), role = COALESCE(?, role), password_hash = COALESCE(?, password_hash),
              disabled = COALESCE(?, disabled) WHERE id = ?`,
    )
      .bind(patch.name ?? null, patch.role ?? null, hash, patch.disabled === undefined ? null : Number(patch.disabled), id)
      .run();
    // A new password, a new role or a disabled account must not ride on old sessions.
    if (patch.password || (patch.role && patch.role !== current.role) || patch.disabled) await endUserSessions(c.env, id);
    return c.json(toConsoleUser(await findUser(c.env, id)) satisfies ConsoleUser);
  })
  .delete('/:id', admin, userId, async (c) => {
    const { id } = c.req.valid('param');
    const current = await findUser(c.env, id);
    if (current.role === 'admin') await assertAnotherAdmin(c.env, id);
    await c.env.DB.prepare('UPDATE users SET disabled = 1 WHERE id = ?').bind(id).run();
    await endUserSessions(c.env, id);
    return c.body(null, 204);
  });
