/**
 * Results of campaigns and flows (docs/api.md, "Results"): engagement counts from the raw
 * touches, and conversions and revenue attributed last touch when read. Shared by the Worker
 * (routes, worker/results/) and the console's dashboard and reports.
 */
import * as v from 'valibot';

/** The touches a message can have, at most one of each (docs/architecture.md, "Results and attribution"). */
export const TOUCH_KINDS = ['sent', 'delivered', 'read', 'clicked', 'tapped', 'replied', 'unsubscribed', 'failed'] as const;
export type TouchKind = (typeof TOUCH_KINDS)[number];

/** A campaign's id, or `flow_<key>` for a flow: what `campaign_id` holds on the messages they send. */
export const SourceIdSchema = v.pipe(
  v.string('must be a string'),
  v.regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/, 'must be a campaign id or flow_<key> (letters, digits, _ . : -; at most 100)'),
);

/** Attribution windows in hours; 0 turns that rule off. */
export interface AttributionWindows {
  click_hours: number;
  read_hours: number;
  delivery_hours: number;
}

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const money = v.pipe(v.number(), v.finite());

export const ChannelCountsSchema = v.object({
  sent: count,
  delivered: count,
  read: count,
  /** Messages clicked (short link) or tapped (RCS suggestion). */
  clicked: count,
  replied: count,
  unsubscribed: count,
  failed: count,
  conversions: count,
  revenue: money,
});
export type ChannelCounts = v.InferOutput<typeof ChannelCountsSchema>;

export const SourceMetricsSchema = v.object({
  sent: count,
  delivered: count,
  read: count,
  clicked: count,
  replied: count,
  unsubscribed: count,
  failed: count,
  by_channel: v.object({ rcs: ChannelCountsSchema, sms: ChannelCountsSchema }),
  conversions: count,
  /** In the brand's currency, as a decimal number (orders' `value`). */
  revenue: money,
});
export type SourceMetrics = v.InferOutput<typeof SourceMetricsSchema>;

export const WindowsSchema = v.object({ click_hours: count, read_hours: count, delivery_hours: count });

/** `GET /api/results/{sourceId}`: the figures with the brand's windows, and `compare` with the ones asked for. */
export const SourceReportSchema = v.object({
  source_id: v.string(),
  metrics: SourceMetricsSchema,
  windows: WindowsSchema,
  currency: v.nullable(v.string()),
  compare: v.optional(v.object({ windows: WindowsSchema, conversions: count, revenue: money })),
});
export type SourceReport = v.InferOutput<typeof SourceReportSchema>;

export const DayPointSchema = v.object({
  /** UTC day, YYYY-MM-DD. */
  day: v.string(),
  rcs: ChannelCountsSchema,
  sms: ChannelCountsSchema,
});
export type DayPoint = v.InferOutput<typeof DayPointSchema>;

/** `GET /api/results/{sourceId}/timeseries`: one point per UTC day that had touches or attributed orders. */
export const TimeseriesSchema = v.object({ source_id: v.string(), days: v.array(DayPointSchema) });
export type Timeseries = v.InferOutput<typeof TimeseriesSchema>;

/** `GET /api/results/overview?days=30`: every source's touches and the orders attributed to them. */
export const OverviewSchema = v.object({
  days: count,
  since: v.string(),
  windows: WindowsSchema,
  currency: v.nullable(v.string()),
  totals: SourceMetricsSchema,
  series: v.array(DayPointSchema),
  sources: v.array(v.object({ source_id: v.string(), sent: count, clicked: count, conversions: count, revenue: money })),
});
export type Overview = v.InferOutput<typeof OverviewSchema>;

/** "3d", "12h", "0h": a window in the query string, in whole hours or days (at most 30 days). */
export const DurationParamSchema = v.pipe(
  v.string(),
  v.regex(/^\d{1,3}[hd]$/, 'must be a duration like 3d or 12h'),
  v.transform((s) => Number(s.slice(0, -1)) * (s.endsWith('d') ? 24 : 1)),
  v.maxValue(720, 'must be at most 30 days'),
);

export const ReportQuerySchema = v.object({
  click_window: v.optional(DurationParamSchema),
  read_window: v.optional(DurationParamSchema),
  delivery_window: v.optional(DurationParamSchema),
});

export const OverviewQuerySchema = v.object({
  days: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,3}$/, 'must be a whole number of days'),
      v.transform(Number),
      v.minValue(1, 'must be at least 1'),
      v.maxValue(366, 'must be at most 366'),
    ),
    '30',
  ),
});
