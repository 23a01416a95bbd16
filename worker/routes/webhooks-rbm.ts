/** POST /webhooks/rbm: Google RBM's Pub/Sub push and its clientToken/secret handshake. */
import { rbmWebhook } from '../providers/rbm/webhook';
import { webhookRoute } from './webhooks';

export const rbmWebhooks = webhookRoute(rbmWebhook);
