/** Slow-changing lists the whole console shares: users (for assignment), labels, canned responses. */
import { signal } from '@preact/signals';
import * as v from 'valibot';
import { type CannedResponse, CannedResponseSchema } from '../../schemas/canned-responses';
import { type Label, LabelSchema } from '../../schemas/labels';
import { type ConsoleUser, ConsoleUserSchema } from '../../schemas/users';
import { call } from '../lib/api';

export type { CannedResponse, ConsoleUser, Label };

export const users = signal<ConsoleUser[]>([]);
export const labels = signal<Label[]>([]);
export const canned = signal<CannedResponse[]>([]);

const UserList = v.array(ConsoleUserSchema);
const LabelList = v.array(LabelSchema);
const CannedList = v.array(CannedResponseSchema);

let cannedAt = 0;
/** Reloads the canned responses (another admin may have added one) at most every 30 s unless `force`. */
export async function refreshCanned(force = false): Promise<void> {
  if (!force && Date.now() - cannedAt < 30_000) return;
  cannedAt = Date.now();
  canned.value = await call(CannedList, 'GET', '/api/canned-responses');
}

export async function refreshUsers(): Promise<void> {
  users.value = await call(UserList, 'GET', '/api/users');
}

/** Loads each list once per sign-in; a list that fails to load stays empty. */
export async function loadDirectory(): Promise<void> {
  const [, l] = await Promise.allSettled([refreshUsers(), call(LabelList, 'GET', '/api/labels'), refreshCanned(true)]);
  if (l.status === 'fulfilled') labels.value = l.value;
}

export const userName = (id: string | null): string | null => (id ? (users.value.find((u) => u.id === id)?.name ?? id) : null);
export const labelColor = (name: string): string => labels.value.find((l) => l.name === name)?.color ?? '#64748b';

/**
 * Who a conversation can be assigned to: active agents and admins. A removed (disabled) user
 * is never offered; `current` keeps the present assignee listed so the picker can show them.
 */
export const assignable = (current: string | null): ConsoleUser[] =>
  users.value.filter((u) => (u.role !== 'marketer' && !u.disabled) || u.id === current);
