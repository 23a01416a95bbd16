// Agents' replies may be personalised: rendered with the conversation's own customer, and
// refused whole (400 naming each field, nothing recorded) when a template is wrong.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MessageView } from '../../schemas/messages';
import { api, type Session, signIn, uniquePhone } from '../console/helpers';

let agent: Session;
const phone = uniquePhone();
const path = (rest = '') => `/api/conversations/${encodeURIComponent(phone)}${rest}`;
const thread = async () => (await (await api(agent, path('/messages?limit=50'))).json<{ messages: MessageView[] }>()).messages;

beforeAll(async () => {
  agent = await signIn('agent');
  await env.PROFILE.getByName(phone).upsert(phone, { first_name: 'Léa', properties: { order: 'A-1042' } }, 'test');
});

describe('POST /api/conversations/:phone/messages with Liquid', () => {
  it('refuses a wrong template with a 400 naming each field, and records nothing', async () => {
    const res = await api(agent, path('/messages'), {
      method: 'POST',
      body: {
        content: { type: 'card', card: { title: 'Bonjour {{ first_name | nope }}', description: 'Commande {{ properties.order' } },
        fallback_text: 'Bonjour {% if %}',
      },
    });
    expect(res.status).toBe(400);
    const body = await res.json<{ error: string; details: { path: string }[] }>();
    expect(body.error).toBe('invalid_template');
    expect(body.details.map((d) => d.path)).toEqual(['content.card.title', 'content.card.description', 'fallback_text']);
    expect(await thread()).toEqual([]);
  });

  it('sends the reply rendered with the conversation’s customer', async () => {
    const res = await api(agent, path('/messages'), {
      method: 'POST',
      body: {
        content: { type: 'text', text: 'Bonjour {{ first_name | default: "vous" }}, votre commande {{ properties.order }} est partie.' },
      },
    });
    expect(res.status).toBe(202);
    const [sent] = await thread();
    expect(sent?.content).toEqual({ type: 'text', text: 'Bonjour Léa, votre commande A-1042 est partie.' });
  });

  it('leaves a reply without Liquid exactly as written', async () => {
    const res = await api(agent, path('/messages'), {
      method: 'POST',
      body: { content: { type: 'text', text: 'Des accolades { } et 100 % de plaisir' } },
    });
    expect(res.status).toBe(202);
    const [sent] = await thread();
    expect(sent?.content).toEqual({ type: 'text', text: 'Des accolades { } et 100 % de plaisir' });
  });
});
