/** Who is signed in, and the CSRF token bound to that session (kept in memory only). */
import { computed, signal } from '@preact/signals';

import type { Role, SessionUser } from '../../schemas/users';

export type { Role };
export type User = SessionUser;

/** undefined = not checked yet; null = signed out. */
export const user = signal<User | null | undefined>(undefined);
export const csrf = signal<string | null>(null);

export const canWrite = computed(() => user.value?.role === 'admin' || user.value?.role === 'agent');
export const isAdmin = computed(() => user.value?.role === 'admin');
/** Creates, sends and cancels campaigns (agents only read them; the server enforces it). */
export const canSendCampaigns = computed(() => user.value?.role === 'admin' || user.value?.role === 'marketer');

export function onUnauthorized(): void {
  user.value = null;
  csrf.value = null;
}
