/**
 * Inbox: the conversation list projection and the agents' WebSockets (hibernation API).
 * Receives only conversation-level changes, never per-message status storms.
 */
import { DurableObject } from 'cloudflare:workers';

export class Inbox extends DurableObject<Env> {}
