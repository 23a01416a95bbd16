/** Who is signed in, and the CSRF token bound to that session (kept in memory only). */
import { computed, signal } from '@preact/signals';

export type Role = 'admin' | 'agent' | 'marketer';
export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** undefined = not checked yet; null = signed out. */
export const user = signal<User | null | undefined>(undefined);
export const csrf = signal<string | null>(null);

export const canWrite = computed(() => user.value?.role === 'admin' || user.value?.role === 'agent');
export const isAdmin = computed(() => user.value?.role === 'admin');

export function onUnauthorized(): void {
  user.value = null;
  csrf.value = null;
}
