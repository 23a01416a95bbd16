/**
 * Console accounts in D1: creation, lookup, and the first-start seed (the admin from
 * ADMIN_EMAIL/ADMIN_PASSWORD, plus demo accounts on a local sandbox).
 */
import type { ConsoleUser, Role } from '../../schemas/users';
import { config } from '../config';
import { demoAccountsAllowed } from './example-secrets';
import { hashPassword } from './password';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  created_at: string;
  disabled: number;
}

export const toConsoleUser = (row: Pick<UserRow, 'id' | 'email' | 'name' | 'role' | 'disabled'>): ConsoleUser => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  disabled: row.disabled === 1,
});

export const newUserId = () => `u_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;

/**
 * Demo accounts created beside the admin on the sandbox network (never with real carriers),
 * and only on loopback unless DEMO_ACCOUNTS=1: their passwords are in the README.
 */
export const DEMO_USERS: readonly { email: string; name: string; role: Role; password: string }[] = [
  { email: 'agent@example.com', name: 'Demo Agent', role: 'agent', password: 'agent-password' },
  { email: 'marketer@example.com', name: 'Demo Marketer', role: 'marketer', password: 'marketer-password' },
];

/**
 * The accounts a first start creates: the admin from ADMIN_EMAIL/ADMIN_PASSWORD, plus the demo
 * accounts on the sandbox network when `demoAccountsAllowed` (loopback, or DEMO_ACCOUNTS=1).
 */
export function firstAccounts(env: Env, requestUrl?: string): { email: string; name: string; role: Role; password: string }[] {
  const email = env.ADMIN_EMAIL?.trim().toLowerCase();
  if (!email || !env.ADMIN_PASSWORD) return [];
  const seeds = [{ email, name: 'Admin', role: 'admin' as Role, password: env.ADMIN_PASSWORD }];
  let sandbox = false;
  try {
    const cfg = config(env);
    sandbox = cfg.rcsProvider === 'sandbox' && cfg.smsProvider === 'sandbox';
  } catch {
    sandbox = false;
  }
  if (sandbox && demoAccountsAllowed(env, requestUrl)) seeds.push(...DEMO_USERS.filter((d) => d.email !== email));
  return seeds;
}

/**
 * Creates the first accounts when the users table is empty. Idempotent and safe under races:
 * the single INSERT ... WHERE NOT EXISTS only writes into an empty table.
 */
export async function ensureSeeded(env: Env, requestUrl?: string): Promise<void> {
  const any = await env.DB.prepare('SELECT 1 AS one FROM users LIMIT 1').first();
  if (any) return;
  const seeds = firstAccounts(env, requestUrl);
  if (seeds.length === 0) {
    console.warn('No console users and ADMIN_EMAIL/ADMIN_PASSWORD unset: nobody can sign in.');
    return;
  }
  const now = new Date().toISOString();
  const rows = await Promise.all(seeds.map(async (s) => [newUserId(), s.email, s.name, s.role, await hashPassword(s.password), now]));
  const values = rows.map(() => '(?, ?, ?, ?, ?, ?)').join(', ');
  await env.DB.prepare(
    `INSERT INTO users (id, email, name, role, password_hash, created_at)
       SELECT * FROM (VALUES ${values}) WHERE NOT EXISTS (SELECT 1 FROM users)`,
  )
    .bind(...rows.flat())
    .run();
}
