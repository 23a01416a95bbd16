/**
 * An image or a video from the content model (a video by its extension: mp4, webm…); only
 * https sources (and the local dev server's) are loaded, anything else is named, not fetched.
 */
import { urlExtension, VIDEO_EXTENSIONS, type Media } from '../../../schemas/content';
import { isMediaUrl } from '../../lib/safe';

const VIDEO = new Set<string>(VIDEO_EXTENSIONS);

export function MediaView({ media, class: cls }: { media: Media; class?: string }) {
  const h = media.height ?? 'medium';
  if (!isMediaUrl(media.url)) return <div class={`media media-${h} media-missing ${cls ?? ''}`}>{media.alt ?? media.url}</div>;
  if (VIDEO.has(urlExtension(media.url) ?? ''))
    return (
      <video class={`media media-${h} ${cls ?? ''}`} src={media.url} controls muted playsInline preload="metadata" aria-label={media.alt} />
    );
  return <img class={`media media-${h} ${cls ?? ''}`} src={media.url} alt={media.alt ?? ''} loading="lazy" referrerpolicy="no-referrer" />;
}
