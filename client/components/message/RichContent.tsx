/** Renders one `Content` exactly as an RCS customer sees it, switching on its `type`. */
import type { JSX } from 'preact';
import type { Content, Suggestion } from '../../../schemas/content';
import { t } from '../../lib/i18n';
import { CardView } from './CardView';
import { Linkified } from './Linkified';
import { MediaView } from './MediaView';
import { Chips } from './SuggestionChip';

export function RichContent({
  content,
  onTap,
  bubbleClass = 'bubble bubble-out',
}: {
  content: Content;
  onTap?: (s: Suggestion) => void;
  bubbleClass?: string;
}) {
  let body: JSX.Element;
  switch (content.type) {
    case 'text':
      body = (
        <div class={bubbleClass}>
          <Linkified text={content.text} />
        </div>
      );
      break;
    case 'media':
      body = (
        <>
          <MediaView media={content.media} class="media-standalone" />
          {content.text && (
            <div class={bubbleClass}>
              <Linkified text={content.text} />
            </div>
          )}
        </>
      );
      break;
    case 'card':
      body = <CardView card={content.card} onTap={onTap} />;
      break;
    case 'carousel':
      body = (
        <section class="carousel" aria-label={t('composer.carousel')}>
          {content.cards.map((c, i) => (
            <CardView key={i} card={c} onTap={onTap} small={content.width === 'small'} />
          ))}
        </section>
      );
      break;
  }
  return (
    <div class={`rich rich-${content.type}`}>
      {body}
      <Chips list={content.suggestions} onTap={onTap} />
    </div>
  );
}
