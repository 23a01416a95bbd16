/** POST /webhooks/sandbox: the sandbox network's signed callbacks (404 unless both providers are the sandbox). */
import { sandboxWebhook as provider } from '../providers/sandbox/webhook';
import { webhookRoute } from './webhooks';

export const sandboxWebhook = webhookRoute(provider);
