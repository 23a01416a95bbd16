/** POST /webhooks/shopify: the brand's store (orders, fulfilments, checkouts, customers). */
import { shopifyWebhook } from '../providers/shopify/webhook';
import { webhookRoute } from './webhooks';

export const shopifyWebhooks = webhookRoute(shopifyWebhook);
