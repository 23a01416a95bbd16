/**
 * Results: what a campaign or a flow earned. Every message a campaign or a flow sends carries
 * its source id in `campaign_id` (a campaign's own id, or `flow_<key>` for a flow, e.g.
 * `flow_abandoned_checkout`). This module is the one entry point that reads a source's
 * engagement (delivered, read, clicked or tapped, replied, unsubscribed, failed, by channel)
 * and its attributed conversions and revenue; campaigns' and flows' pages and API call it.
 *
 * The touches, orders and attribution behind it are built in this folder; until then every
 * figure is zero.
 */

export interface ChannelCounts {
  sent: number;
  delivered: number;
  read: number;
  clicked: number;
  replied: number;
  unsubscribed: number;
  failed: number;
}

export interface SourceMetrics extends Omit<ChannelCounts, 'sent'> {
  by_channel: { rcs: ChannelCounts; sms: ChannelCounts };
  conversions: number;
  /** In the brand's currency, as a decimal number (orders' `value`). */
  revenue: number;
}

/** Per recipient of a source: when they first clicked or tapped, and the revenue attributed. */
export interface RecipientResult {
  clicked_at?: string;
  revenue?: number;
}

function zeroChannel(): ChannelCounts {
  return { sent: 0, delivered: 0, read: 0, clicked: 0, replied: 0, unsubscribed: 0, failed: 0 };
}

/** A campaign's or a flow's engagement and attributed revenue, computed when read. */
export async function sourceMetrics(env: Env, sourceId: string): Promise<SourceMetrics> {
  void env;
  void sourceId;
  return {
    delivered: 0,
    read: 0,
    clicked: 0,
    replied: 0,
    unsubscribed: 0,
    failed: 0,
    by_channel: { rcs: zeroChannel(), sms: zeroChannel() },
    conversions: 0,
    revenue: 0,
  };
}

/** Results for some of a source's recipients, keyed by phone (absent: nothing to report). */
export async function recipientResults(env: Env, sourceId: string, phones: readonly string[]): Promise<Map<string, RecipientResult>> {
  void env;
  void sourceId;
  void phones;
  return new Map();
}
