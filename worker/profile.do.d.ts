/**
 * Profile: one Durable Object per customer (E.164 number), SQLite storage. It owns the
 * customer's profile, consent and its log, RCS capability cache, every message in and out
 * with its status history, interactions, events, callback dedupe keys and pending timers
 * behind one alarm. Consent check and send are one serialized step here.
 */
import { DurableObject } from 'cloudflare:workers';
export declare class Profile extends DurableObject<Env> {
}
