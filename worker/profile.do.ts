/**
 * Profile: one Durable Object per customer (E.164 number), SQLite storage. It owns the
 * customer's profile, consent and its log, RCS capability cache, every message in and out
 * with its status history, interactions, events, callback dedupe keys and pending timers
 * behind one alarm. Consent check and send are one serialized step here.
 */
import { DurableObject } from 'cloudflare:workers';
import type { InboundEvent } from '../schemas/events';
import type { MessageView, TrackEvent } from '../schemas/messages';
import type { ProfileUpsert, ProfileView } from '../schemas/profile';
import type { ConsentChange, IngestResult, MessagePage, ProfileRpc, SendOutcome, SendRequest } from './profile.types';

const todo = (): never => {
  throw new Error('not implemented yet');
};

export class Profile extends DurableObject<Env> implements ProfileRpc {
  async upsert(_phone: string, _input: ProfileUpsert, _actor: string): Promise<ProfileView> { return todo(); }
  async get(_phone: string): Promise<ProfileView | null> { return todo(); }
  async send(_phone: string, _req: SendRequest): Promise<SendOutcome> { return todo(); }
  async listMessages(_phone: string, _opts?: { cursor?: string | null; limit?: number }): Promise<MessagePage> { return todo(); }
  async ingest(_event: InboundEvent): Promise<IngestResult> { return todo(); }
  async track(_event: TrackEvent): Promise<{ duplicate: boolean }> { return todo(); }
  async setConsent(_phone: string, _change: ConsentChange): Promise<ProfileView> { return todo(); }
  async addNote(_phone: string, _text: string, _author: string): Promise<MessageView> { return todo(); }
  async agentEvent(_phone: string, _type: 'typing' | 'read'): Promise<void> { return todo(); }
}
