/**
 * `/api/flows` (docs/api.md, "Flows"): the built-in flows with their figures; admins and
 * marketers switch them on or off and edit their content (checked like any templated
 * message: 400 naming each bad field) and the abandoned checkout's delay.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { type FlowView, FlowKeySchema, FlowPatchSchema, flowSourceId } from '../../../schemas/flows';
import { requireRole, type ConsoleEnv } from '../../auth/session';
import { FLOWS, flowKeys } from '../../flows/definitions';
import { type FlowConfig, loadFlows, saveFlow } from '../../flows/index';
import { sourceMetrics } from '../../results/index';
import { refuseTemplateErrors } from '../../templates';
import { jsonBody, params } from '../validate';

const editors = requireRole('admin', 'marketer');

async function view(env: Env, config: FlowConfig): Promise<FlowView> {
  const def = FLOWS[config.key];
  const m = await sourceMetrics(env, flowSourceId(config.key));
  return {
    key: config.key,
    trigger: def.trigger,
    purpose: def.purpose,
    enabled: config.enabled,
    content: config.content,
    delay_minutes: config.delayMinutes,
    metrics: {
      sent: m.by_channel.rcs.sent + m.by_channel.sms.sent,
      delivered: m.delivered,
      read: m.read,
      clicked: m.clicked,
      replied: m.replied,
      unsubscribed: m.unsubscribed,
      failed: m.failed,
      conversions: m.conversions,
      revenue: m.revenue,
    },
  };
}

export const flows = new Hono<ConsoleEnv>()
  .get('/', async (c) => {
    const configs = await loadFlows(c.env);
    const list = await Promise.all(flowKeys.map((k) => view(c.env, configs.get(k) as FlowConfig)));
    return c.json(list satisfies FlowView[]);
  })
  .put('/:key', editors, params(v.object({ key: FlowKeySchema })), jsonBody(FlowPatchSchema), async (c) => {
    const { key } = c.req.valid('param');
    const patch = c.req.valid('json');
    if (patch.content !== undefined) refuseTemplateErrors(patch.content);
    return c.json((await view(c.env, await saveFlow(c.env, key, patch, c.var.user.id))) satisfies FlowView);
  });
