/**
 * A file the customer sent, from the Worker's copy only (`/api/media/...`): the browser never
 * loads a carrier's or a third party's URL, so no tracking pixel learns who opened the thread.
 * A file the Worker could not copy shows a placeholder whose "Load from carrier" asks the
 * Worker to fetch it; a row from before copies existed shows a plain placeholder.
 */
import { useSignal } from '@preact/signals';
import type { InboundMedia as Media } from '../../../schemas/events';
import { api } from '../../lib/api';
import { t } from '../../lib/i18n';

/** Only our own media route is ever put in `src` or `href`. */
const isOurs = (url: string) => url.startsWith('/api/media/') && !url.includes('..');

function loadPath(url: string) {
  return `${url}/load`;
}

export function InboundMedia({ media }: { media: Media }) {
  const stored = useSignal(media.stored === true);
  const state = useSignal<'idle' | 'loading' | 'failed'>('idle');
  const ours = isOurs(media.url);
  const load = async () => {
    state.value = 'loading';
    try {
      await api('POST', loadPath(media.url));
      stored.value = true;
      state.value = 'idle';
    } catch {
      state.value = 'failed';
    }
  };
  if (ours && stored.value) {
    const type = media.content_type ?? '';
    if (type.startsWith('image/'))
      return (
        <img
          class="media media-medium media-standalone"
          src={media.url}
          alt=""
          loading="lazy"
          onError={() => {
            stored.value = false;
          }}
        />
      );
    return (
      <a class="bubble bubble-in" href={media.url} target="_blank" rel="noopener noreferrer">
        {t('media.open')}
      </a>
    );
  }
  return (
    <div class="bubble bubble-in media-placeholder">
      <span>{ours ? t('media.notCopied') : t('thread.file')}</span>
      {ours && (
        <button type="button" class="btn btn-small btn-ghost" disabled={state.value === 'loading'} onClick={() => void load()}>
          {t('media.load')}
        </button>
      )}
      {state.value === 'failed' && (
        <span class="form-error" role="alert">
          {t('media.loadFailed')}
        </span>
      )}
    </div>
  );
}
