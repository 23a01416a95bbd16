/**
 * Routes normalized inbound events to their Profile objects. Every webhook (sandbox, rbm,
 * twilio) ends here after verification and parsing, and so do the simulator's in-process
 * callbacks; the customer's files are copied first (worker/media.ts), dedupe happens inside
 * the Profile.
 */
import type { InboundEvent, StoreEvent } from '../schemas/events';
import { copyInboundMedia } from './media';
import type { IngestResult } from './profile.types';
import type { WebhookProvider } from './providers/types';

export async function routeEvents(env: Env, events: readonly InboundEvent[]): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  // Sequential per request: events of one callback usually concern one profile and order matters
  // (a keyword message before its UNSUBSCRIBE event).
  for (const event of events) results.push(await env.PROFILE.getByName(event.phone).ingest(event));
  return results;
}

/** Copies media, then routes; `duplicate` when every event had been recorded before. */
export async function ingestEvents(env: Env, provider: WebhookProvider, events: readonly InboundEvent[]): Promise<{ duplicate: boolean }> {
  const results = await routeEvents(env, await copyInboundMedia(env, provider, events));
  return { duplicate: results.length > 0 && results.every((r) => r.duplicate) };
}

/** A store's events (Shopify), each to its customer's Profile; `duplicate` when every one was seen before. */
export async function ingestStoreEvents(env: Env, events: readonly StoreEvent[]): Promise<{ duplicate: boolean }> {
  const results: { duplicate: boolean }[] = [];
  for (const event of events) results.push(await env.PROFILE.getByName(event.phone).storeEvent(event));
  return { duplicate: results.length > 0 && results.every((r) => r.duplicate) };
}
