/**
 * Campaigns, on both APIs (docs/api.md, "Campaigns"): `/v1/campaigns` with an API key, and
 * `/api/campaigns` for the console, where marketers and admins create, send and cancel and
 * agents only read (403). One set of handlers, one validation path (routes/validate.ts).
 */
import { type Env as HonoEnv, Hono, type MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import type { CampaignList } from '../../schemas/campaign-view';
import { AudienceRequestSchema, CampaignCreateSchema, CampaignListQuerySchema, RecipientQuerySchema } from '../../schemas/campaigns';
import { apiKeyAuth, type ApiEnv } from '../auth/api-key';
import { requireRole, type ConsoleEnv } from '../auth/session';
import { audienceOf, cancelCampaign, createCampaign } from '../campaigns/service';
import { campaignRow, campaignView, listCampaigns, recipientsPage, summaryOf } from '../campaigns/store';
import { HttpError } from '../errors';
import { IdParam, jsonBody, params, query } from './validate';

const idParam = params(v.object({ id: IdParam }));

const badCursor = () => {
  const message = 'must be a cursor returned as next_cursor';
  return new HttpError(400, 'invalid_request', `cursor: ${message}`, [{ path: 'cursor', message }]);
};

// Both environments bind Env; Hono's generic context cannot show it through the type parameter.
const envOf = (c: { env: unknown }) => c.env as Env;

const notFound = (id: string) => new HttpError(404, 'not_found', `No campaign ${id}.`);

/** The routes, given who may write and how to name the author. */
function campaignRoutes<E extends HonoEnv & { Bindings: Env }>(write: MiddlewareHandler<E>, actor: (c: { var: E['Variables'] }) => string) {
  return (
    new Hono<E>()
      .post('/', write, jsonBody(CampaignCreateSchema), async (c) => {
        const created = await createCampaign(envOf(c), c.req.valid('json'), actor(c));
        return c.json(created, 202);
      })
      // Before sending: how many of the audience would be excluded, and why (reads only).
      .post('/audience', jsonBody(AudienceRequestSchema), async (c) => c.json(await audienceOf(envOf(c), c.req.valid('json'))))
      .get('/', query(CampaignListQuerySchema), async (c) => {
        const q = c.req.valid('query');
        const page = await listCampaigns(envOf(c), q.cursor, q.limit ?? 50);
        if (page === 'invalid_cursor') throw badCursor();
        const body: CampaignList = { campaigns: await Promise.all(page.rows.map((r) => summaryOf(envOf(c), r))), next_cursor: page.next };
        return c.json(body);
      })
      .get('/:id', idParam, async (c) => {
        const { id } = c.req.valid('param');
        const row = await campaignRow(envOf(c), id);
        if (!row) throw notFound(id);
        return c.json(await campaignView(envOf(c), row));
      })
      .post('/:id/cancel', write, idParam, async (c) => c.json(await cancelCampaign(envOf(c), c.req.valid('param').id)))
      .get('/:id/recipients', idParam, query(RecipientQuerySchema), async (c) => {
        const { id } = c.req.valid('param');
        const q = c.req.valid('query');
        if (!(await campaignRow(envOf(c), id))) throw notFound(id);
        const page = await recipientsPage(envOf(c), id, { cursor: q.cursor, limit: q.limit ?? 100, outcome: q.outcome });
        if (page === 'invalid_cursor') throw badCursor();
        return c.json(page);
      })
  );
}

const passThrough: MiddlewareHandler<ApiEnv> = async (_c, next) => next();

export const v1Campaigns = new Hono<ApiEnv>().use(apiKeyAuth()).route(
  '/',
  campaignRoutes<ApiEnv>(passThrough, (c) => c.var.actor),
);

export const consoleCampaigns = campaignRoutes<ConsoleEnv>(requireRole('admin', 'marketer'), (c) => c.var.user.id);
