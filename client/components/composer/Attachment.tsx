/**
 * The card or carousel attached to a reply, as one compact line above the text box (a
 * thumbnail, its title, its SMS length) so the thread stays in view; Edit opens the builder.
 */
import { encodingAdvice } from '../../../schemas/gsm';
import { t } from '../../lib/i18n';
import { Icon } from '../Icon';
import { type Draft, mediaUrlProblem } from './drafts';

export function Attachment({
  draft,
  sms,
  onEdit,
  onRemove,
}: {
  draft: Draft;
  sms: string | null;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const cards = draft.kind === 'card' ? [draft.card] : draft.cards;
  const image = cards.map((c) => c.image.trim()).find((u) => u && !mediaUrlProblem(u));
  const titles = cards.map((c) => c.title.trim() || c.description.trim()).filter(Boolean);
  const kind = draft.kind === 'card' ? t('composer.attachedCard') : t('composer.attachedCarousel', { n: cards.length });
  const a = sms ? encodingAdvice(sms) : null;
  return (
    <section class="attachment" aria-label={kind}>
      {image ? (
        <img class="attachment-thumb" src={image} alt="" />
      ) : (
        <span class="attachment-thumb attachment-icon">
          <Icon name={draft.kind === 'card' ? 'card' : 'carousel'} size={16} />
        </span>
      )}
      <div class="attachment-text">
        <span class="attachment-kind">{kind}</span>
        <span class="attachment-title">{titles.join(' · ') || '—'}</span>
      </div>
      {a && (
        <span class="attachment-sms muted" title={sms ?? ''}>
          <Icon name="sms" size={12} /> {t('composer.segments', { n: a.segments, enc: a.encoding, len: a.characters })}
        </span>
      )}
      <button type="button" class="link-btn" onClick={onEdit}>
        {t('composer.edit')}
      </button>
      <button type="button" class="link-btn danger" onClick={onRemove}>
        {t('composer.removeAttachment')}
      </button>
    </section>
  );
}
