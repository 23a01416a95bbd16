// Admin actions change the rows the console lists: a removed user is listed as disabled (and
// can do nothing), a revoked key is listed as revoked (and works nowhere), a password reset
// ends the user's sessions, a role change applies. Every answer is checked against the shared
// response schemas the console parses with.
import { env, exports } from 'cloudflare:workers';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ApiKeyCreatedSchema, ApiKeySchema } from '../../schemas/api-keys';
import { ConsoleUserSchema, PASSWORD_MIN_LENGTH, SessionInfoSchema } from '../../schemas/users';
import { api, createUser, loginRequest, signIn, unique, uniquePhone } from './helpers';

const UserList = v.array(ConsoleUserSchema);
const KeyList = v.array(ApiKeySchema);

async function listUsers(s: Parameters<typeof api>[0]) {
  const res = await api(s, '/api/users');
  expect(res.status).toBe(200);
  return v.parse(UserList, await res.json());
}

const v1Profile = (key: string, phone: string) =>
  exports.default.fetch(`http://localhost/v1/profiles/${encodeURIComponent(phone)}`, { headers: { authorization: `Bearer ${key}` } });

describe('removing a user', () => {
  it('lists them as disabled, ends their session, refuses their sign-in and their assignment', async () => {
    const admin = await signIn('admin');
    const agent = await signIn('agent');
    const res = await api(admin, `/api/users/${agent.user.id}`, { method: 'DELETE' });
    expect(res.status).toBe(204);

    const row = (await listUsers(admin)).find((u) => u.id === agent.user.id);
    expect(row).toMatchObject({ id: agent.user.id, role: 'agent', disabled: true });
    expect((await api(agent, '/api/auth/me')).status).toBe(401);
    expect((await loginRequest(agent.user.email, agent.user.password)).status).toBe(401);
    const { results } = await env.DB.prepare('SELECT id FROM sessions WHERE user_id = ?').bind(agent.user.id).all();
    expect(results).toEqual([]);

    // A conversation (the customer writes from a simulated phone) cannot be given to them.
    const phone = uniquePhone();
    const said = await api(admin, `/api/simulator/phones/${encodeURIComponent(phone)}/actions`, {
      method: 'POST',
      body: { type: 'reply', text: 'Bonjour' },
    });
    expect(said.status).toBe(200);
    const assign = await api(admin, `/api/conversations/${encodeURIComponent(phone)}`, {
      method: 'PATCH',
      body: { assignee: agent.user.id },
    });
    expect(assign.status).toBe(400);
    expect(await assign.json()).toMatchObject({ details: [{ path: 'assignee' }] });
  });

  it('can be undone: a restored user is active and signs in again', async () => {
    const admin = await signIn('admin');
    const agent = await createUser('agent');
    expect((await api(admin, `/api/users/${agent.id}`, { method: 'DELETE' })).status).toBe(204);
    const restored = await api(admin, `/api/users/${agent.id}`, { method: 'PATCH', body: { disabled: false } });
    expect(restored.status).toBe(200);
    expect(v.parse(ConsoleUserSchema, await restored.json())).toMatchObject({ id: agent.id, disabled: false });
    expect((await loginRequest(agent.email, agent.password)).status).toBe(200);
  });
});

describe('revoking an API key', () => {
  it('lists it as revoked, stops it at once on /v1, and a second revoke is a 404', async () => {
    const admin = await signIn('admin');
    const created = await api(admin, '/api/api-keys', { method: 'POST', body: { name: unique('Shop ') } });
    expect(created.status).toBe(201);
    const key = v.parse(ApiKeyCreatedSchema, await created.json());
    const phone = uniquePhone();
    expect((await v1Profile(key.key, phone)).status).toBe(404); // authenticated: the profile just does not exist

    expect((await api(admin, `/api/api-keys/${key.id}`, { method: 'DELETE' })).status).toBe(204);
    const listed = v.parse(KeyList, await (await api(admin, '/api/api-keys')).json()).find((k) => k.id === key.id);
    expect(listed?.revoked_at).toEqual(expect.any(String));
    expect(Date.parse(listed?.revoked_at ?? '')).not.toBeNaN();
    expect((await v1Profile(key.key, phone)).status).toBe(401);
    expect((await api(admin, `/api/api-keys/${key.id}`, { method: 'DELETE' })).status).toBe(404);
  });
});

describe('an admin resetting a password', () => {
  it('ends the user’s sessions; the old password stops working and the new one signs in', async () => {
    const admin = await signIn('admin');
    const agent = await signIn('agent');
    const password = 'a brand new passphrase';
    const res = await api(admin, `/api/users/${agent.user.id}`, { method: 'PATCH', body: { password } });
    expect(res.status).toBe(200);
    expect(await res.json()).not.toHaveProperty('password_hash');

    expect((await api(agent, '/api/auth/me')).status).toBe(401);
    expect((await loginRequest(agent.user.email, agent.user.password)).status).toBe(401);
    const fresh = await loginRequest(agent.user.email, password);
    expect(fresh.status).toBe(200);
    expect(v.parse(SessionInfoSchema, await fresh.json()).user.id).toBe(agent.user.id);
  });

  it(`refuses a password shorter than ${PASSWORD_MIN_LENGTH} characters, naming it, and keeps the sessions`, async () => {
    const admin = await signIn('admin');
    const agent = await signIn('agent');
    const res = await api(admin, `/api/users/${agent.user.id}`, {
      method: 'PATCH',
      body: { password: 'x'.repeat(PASSWORD_MIN_LENGTH - 1) },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ message: `password: must be at least ${PASSWORD_MIN_LENGTH} characters` });
    expect((await api(agent, '/api/auth/me')).status).toBe(200);
  });

  it('is refused to agents and marketers', async () => {
    const target = await createUser('agent');
    for (const role of ['agent', 'marketer'] as const) {
      const s = await signIn(role);
      const res = await api(s, `/api/users/${target.id}`, { method: 'PATCH', body: { password: 'another long password' } });
      expect(res.status).toBe(403);
    }
    expect((await loginRequest(target.email, target.password)).status).toBe(200);
  });
});

describe('an admin changing a role', () => {
  it('applies the new role and ends the user’s sessions', async () => {
    const admin = await signIn('admin');
    const marketer = await signIn('marketer');
    const res = await api(admin, `/api/users/${marketer.user.id}`, { method: 'PATCH', body: { role: 'agent' } });
    expect(res.status).toBe(200);
    expect(v.parse(ConsoleUserSchema, await res.json())).toMatchObject({ role: 'agent', disabled: false });
    expect((await api(marketer, '/api/auth/me')).status).toBe(401);
    const again = await loginRequest(marketer.user.email, marketer.user.password);
    expect(v.parse(SessionInfoSchema, await again.json()).user.role).toBe('agent');
  });
});
