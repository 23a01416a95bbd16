/** An image from the content model; only https sources are loaded, anything else is named, not fetched. */
import type { Media } from '../../../schemas/content';
import { isMediaUrl } from '../../lib/safe';

export function MediaView({ media, class: cls }: { media: Media; class?: string }) {
  const h = media.height ?? 'medium';
  if (!isMediaUrl(media.url)) return <div class={`media media-${h} media-missing ${cls ?? ''}`}>{media.alt ?? media.url}</div>;
  return <img class={`media media-${h} ${cls ?? ''}`} src={media.url} alt={media.alt ?? ''} loading="lazy" referrerpolicy="no-referrer" />;
}
