/**
 * `/api/results` (docs/api.md, "Results"): the marketers' dashboard and a campaign's or flow's
 * report. Marketers, admins and agents read; nothing here writes. Attribution uses the brand's
 * windows; `click_window`, `read_window` and `delivery_window` (e.g. `3d`, `12h`) add a
 * `compare` block computed with those instead, side by side.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import {
  type AttributionWindows,
  OverviewQuerySchema,
  type Overview,
  ReportQuerySchema,
  SourceIdSchema,
  type SourceReport,
  type Timeseries,
} from '../../../schemas/results';
import { requireRole, type ConsoleEnv } from '../../auth/session';
import { brandWindows, sourceMetrics } from '../../results';
import { latestCurrency, overview, sourceSeries } from '../../results/report';
import { params, query } from '../validate';

const readers = requireRole('marketer', 'admin', 'agent');
const source = params(v.object({ sourceId: SourceIdSchema }));

export const results = new Hono<ConsoleEnv>()
  .get('/overview', readers, query(OverviewQuerySchema), async (c) => {
    const { days } = c.req.valid('query');
    const [report, currency] = await Promise.all([overview(c.env, days, await brandWindows(c.env)), latestCurrency(c.env)]);
    return c.json({ ...report, currency } satisfies Overview);
  })
  .get('/:sourceId', readers, source, query(ReportQuerySchema), async (c) => {
    const { sourceId } = c.req.valid('param');
    const q = c.req.valid('query');
    const windows = await brandWindows(c.env);
    const asked = q.click_window !== undefined || q.read_window !== undefined || q.delivery_window !== undefined;
    const other: AttributionWindows = {
      click_hours: q.click_window ?? windows.click_hours,
      read_hours: q.read_window ?? windows.read_hours,
      delivery_hours: q.delivery_window ?? windows.delivery_hours,
    };
    const [metrics, alt, currency] = await Promise.all([
      sourceMetrics(c.env, sourceId, windows),
      asked ? sourceMetrics(c.env, sourceId, other) : null,
      latestCurrency(c.env),
    ]);
    const body: SourceReport = { source_id: sourceId, metrics, windows, currency };
    if (alt) body.compare = { windows: other, conversions: alt.conversions, revenue: alt.revenue };
    return c.json(body);
  })
  .get('/:sourceId/timeseries', readers, source, async (c) => {
    const { sourceId } = c.req.valid('param');
    const days = await sourceSeries(c.env, sourceId, await brandWindows(c.env));
    return c.json({ source_id: sourceId, days } satisfies Timeseries);
  });
