// One postback scheme and one feature list for the whole Worker: the carrier mappings fill
// missing postbacks exactly as the Profile records them (so every tap is traced), and a
// caption on media (sent to RBM as a standalone rich card) needs the standalone-card feature.
import { describe, expect, it } from 'vitest';
import type { Content } from '../../schemas/content';
import { requiredFeatures, withPostbacks } from '../../worker/profile/postbacks';
import { toContentMessage } from '../../worker/providers/rbm/mapping';
import { toTemplateTypes } from '../../worker/providers/twilio/content';

const card: Content = {
  type: 'card',
  card: {
    title: 'Hoodie',
    buttons: [
      { type: 'url', text: 'Buy', url: 'https://shop.example/p/1' },
      { type: 'reply', text: 'Sizes' },
    ],
  },
  suggestions: [{ type: 'reply', text: 'Later' }],
};

describe('postbacks', () => {
  it('are the ones the Profile records, whichever carrier mapping fills them', () => {
    const { offered } = withPostbacks(card, 'msg-1');
    const recorded = offered.map((o) => o.postback);
    expect(recorded).toEqual(['m.msg-1.0', 'm.msg-1.1', 'm.msg-1.2']);
    const rbm = JSON.stringify(toContentMessage(card, 'msg-1'));
    const twilio = JSON.stringify(toTemplateTypes(card, 'msg-1', 'Hoodie'));
    for (const postback of recorded) {
      expect(rbm).toContain(`"postbackData":"${postback}"`);
      expect(twilio).toContain(`"id":"${postback}"`);
    }
  });
});

describe('requiredFeatures', () => {
  it('asks for a standalone card for media with a caption, not for media alone', () => {
    const media = { url: 'https://cdn.example/a.jpg' };
    expect(requiredFeatures({ type: 'media', media, text: 'New in' })).toContain('RICHCARD_STANDALONE');
    expect(requiredFeatures({ type: 'media', media })).not.toContain('RICHCARD_STANDALONE');
    expect(requiredFeatures(card).sort()).toEqual(['ACTION_OPEN_URL', 'RICHCARD_STANDALONE']);
  });
});
