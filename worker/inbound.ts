/**
 * Routes normalized inbound events to their Profile objects. Every webhook (sandbox, rbm,
 * twilio) ends here after verification and parsing; dedupe happens inside the Profile.
 */
import type { InboundEvent } from '../schemas/events';
import type { IngestResult } from './profile.types';

export async function routeEvents(env: Env, events: readonly InboundEvent[]): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  // Sequential per request: events of one callback usually concern one profile and order matters
  // (a keyword message before its UNSUBSCRIBE event).
  for (const event of events) results.push(await env.PROFILE.getByName(event.phone).ingest(event));
  return results;
}
