/**
 * Postback automations: a tap whose postback has a rule (D1 `postback_rules`, read through the
 * settings cache) gets the rule's content sent back automatically, e.g. "track" → a tracking
 * link. The answer goes through the normal send pipeline (consent gate included).
 */
import type { Content } from '../../schemas/content';
import type { Core } from './core';
import { accept } from './send';

export async function runAutomation(core: Core, postback: string): Promise<void> {
  await core.settleAlarm();
  const rule = await core.settings.postbackRule(postback);
  if (!rule) return;
  const outcome = await accept(core, core.phone(), { purpose: rule.purpose, content: rule.content, author: 'automation' });
  if (outcome.ok) {
    await core.activity({ direction: 'out', channel: outcome.channel, preview: previewOf(rule.content), kind: 'automated' });
  }
}

const previewOf = (c: Content): string =>
  (c.type === 'text'
    ? c.text
    : c.type === 'media'
      ? (c.text ?? '📷')
      : c.type === 'card'
        ? (c.card.title ?? c.card.description ?? '')
        : (c.cards[0]?.title ?? '')
  ).slice(0, 140);
