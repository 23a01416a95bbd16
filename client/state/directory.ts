/** Slow-changing lists the whole console shares: users (for assignment), labels, canned responses. */
import { signal } from '@preact/signals';
import { api } from '../lib/api';
import type { User } from '../lib/auth-state';

import type { CannedResponse, Label } from '../../schemas/console-api';

export type { CannedResponse, Label };

export const users = signal<User[]>([]);
export const labels = signal<Label[]>([]);
export const canned = signal<CannedResponse[]>([]);

/** Loads each list once per sign-in; a missing endpoint just leaves the list empty. */
export async function loadDirectory(): Promise<void> {
  const [u, l, c] = await Promise.allSettled([
    api<User[]>('GET', '/api/users'),
    api<Label[]>('GET', '/api/labels'),
    api<CannedResponse[]>('GET', '/api/canned-responses'),
  ]);
  if (u.status === 'fulfilled' && Array.isArray(u.value)) users.value = u.value;
  if (l.status === 'fulfilled' && Array.isArray(l.value)) labels.value = l.value;
  if (c.status === 'fulfilled' && Array.isArray(c.value)) canned.value = c.value;
}

export const userName = (id: string | null): string | null => (id ? (users.value.find((u) => u.id === id)?.name ?? id) : null);
export const labelColor = (name: string): string => labels.value.find((l) => l.name === name)?.color ?? '#64748b';
