/** POST /webhooks/twilio: inbound messages, button taps and status callbacks (answers empty TwiML). */
import { twilioWebhook } from '../providers/twilio/webhook';
import { webhookRoute } from './webhooks';

export const twilioWebhooks = webhookRoute(twilioWebhook);
