/** A rich card: media on top, title, description, then up to four buttons. */
import type { Card, Suggestion } from '../../../schemas/content';
import { Linkified } from './Linkified';
import { MediaView } from './MediaView';
import { SuggestionChip } from './SuggestionChip';

export function CardView({ card, onTap, small }: { card: Card; onTap?: (s: Suggestion) => void; small?: boolean }) {
  return (
    <div class={small ? 'rcs-card rcs-card-small' : 'rcs-card'}>
      {card.media && <MediaView media={card.media} />}
      {(card.title || card.description) && (
        <div class="rcs-card-body">
          {card.title && <div class="rcs-card-title">{card.title}</div>}
          {card.description && (
            <div class="rcs-card-desc">
              <Linkified text={card.description} />
            </div>
          )}
        </div>
      )}
      {card.buttons?.length ? (
        <div class="rcs-card-buttons">
          {card.buttons.map((b, i) => (
            <SuggestionChip key={i} s={b} variant="button" onTap={onTap} />
          ))}
        </div>
      ) : null}
    </div>
  );
}
