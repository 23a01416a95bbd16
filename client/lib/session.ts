/** Sign-in, sign-out and the session check at start-up (POST/GET /api/auth/*). */
import { SessionInfoSchema } from '../../schemas/users';
import { api, call } from './api';
import { csrf, user } from './auth-state';

export async function checkSession(): Promise<void> {
  try {
    const s = await call(SessionInfoSchema, 'GET', '/api/auth/me');
    user.value = s.user;
    csrf.value = s.csrf;
  } catch {
    // 401 (no session) or the API unreachable: either way the way in is the sign-in page.
    user.value = null;
    csrf.value = null;
  }
}

export async function signIn(email: string, password: string): Promise<void> {
  const s = await call(SessionInfoSchema, 'POST', '/api/auth/login', { email, password });
  csrf.value = s.csrf;
  user.value = s.user;
}

export async function signOut(): Promise<void> {
  try {
    await api('POST', '/api/auth/logout');
  } finally {
    user.value = null;
    csrf.value = null;
  }
}
