// /api/flows: every built-in flow with its trigger, settings and figures; admins and
// marketers change them, agents only read; bad content or delay is a 400 naming the field and
// changes nothing.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { sourceMetrics } from '../../worker/results';
import { FLOW_KEYS, type FlowView } from '../../schemas/flows';
import { api, signIn } from './helpers';

const list = async (s: Awaited<ReturnType<typeof signIn>>) => (await (await api(s, '/api/flows')).json()) as FlowView[];

describe('/api/flows', () => {
  it('lists the four built-in flows with trigger, purpose, content and figures', async () => {
    const agent = await signIn('agent');
    const flows = await list(agent);
    expect(flows.map((f) => f.key)).toEqual([...FLOW_KEYS]);
    expect(flows.find((f) => f.key === 'order_confirmation')).toMatchObject({
      trigger: 'Placed Order',
      purpose: 'transactional',
      delay_minutes: null,
    });
    expect(flows.find((f) => f.key === 'abandoned_checkout')).toMatchObject({ trigger: 'Started Checkout', purpose: 'marketing' });
    // The figures are the flow's results as read now (other suites and the demo data send
    // order confirmations too).
    const m = await sourceMetrics(env, 'flow_order_confirmation');
    expect(flows[0]?.metrics).toMatchObject({ delivered: m.delivered, clicked: m.clicked, revenue: m.revenue });
  });

  it('lets a marketer edit the content and the delay; agents get 403', async () => {
    const marketer = await signIn('marketer');
    const before = (await list(marketer)).find((f) => f.key === 'abandoned_checkout')!;
    const content = { type: 'text', text: 'Votre panier de {{ event.value }} € vous attend, {{ first_name | default: "" }}' };
    try {
      const res = await api(marketer, '/api/flows/abandoned_checkout', { method: 'PUT', body: { content, delay_minutes: 90 } });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ key: 'abandoned_checkout', content, delay_minutes: 90, enabled: before.enabled });
      const agent = await signIn('agent');
      expect((await api(agent, '/api/flows/abandoned_checkout', { method: 'PUT', body: { enabled: true } })).status).toBe(403);
    } finally {
      await api(marketer, '/api/flows/abandoned_checkout', {
        method: 'PUT',
        body: { content: before.content, delay_minutes: before.delay_minutes },
      });
    }
  });

  it('refuses bad input with 400 naming the field, and changes nothing', async () => {
    const admin = await signIn('admin');
    const before = await list(admin);
    const cases: [string, unknown, string][] = [
      ['/api/flows/unknown_flow', { enabled: true }, 'key'],
      ['/api/flows/abandoned_checkout', { delay_minutes: 5 }, 'delay_minutes'],
      ['/api/flows/abandoned_checkout', { enabled: 'yes' }, 'enabled'],
      ['/api/flows/order_confirmation', { content: { type: 'text', text: 'Hi {{ first_name' } }, 'content.text'],
      [
        '/api/flows/order_confirmation',
        { content: { type: 'text', text: 'x', suggestions: [{ type: 'url', text: 'Go', url: '{{ event.properties.url }}' }] } },
        'content.suggestions.0.url',
      ],
    ];
    for (const [path, body, field] of cases) {
      const res = await api(admin, path, { method: 'PUT', body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { message: string }).message).toContain(field);
    }
    expect(await list(admin)).toEqual(before);
  });
});
