/**
 * The media library as a picker: the brand's uploads, newest first, page by page. Picking one
 * puts its public URL in the card. The uploader (or an admin) can remove a file from the list;
 * messages already sent keep showing it (the Worker keeps the file and its URL).
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { MediaItem, MediaPage } from '../../../schemas/media';
import { api, ApiError, qs } from '../../lib/api';
import { user } from '../../lib/auth-state';
import { t } from '../../lib/i18n';
import { Icon } from '../Icon';

export function MediaLibrary({ onPick }: { onPick: (item: MediaItem) => void }) {
  const items = useSignal<MediaItem[]>([]);
  const cursor = useSignal<string | null>(null);
  const loading = useSignal(true);
  const error = useSignal<string | null>(null);

  const load = async (after: string | null) => {
    loading.value = true;
    error.value = null;
    try {
      const page = await api<MediaPage>('GET', `/api/media/library${qs({ cursor: after, limit: 12 })}`);
      items.value = after ? [...items.value, ...page.items] : page.items;
      cursor.value = page.next_cursor;
    } catch (e) {
      error.value = e instanceof ApiError && e.status ? e.message : t('common.error');
    } finally {
      loading.value = false;
    }
  };
  useEffect(() => {
    void load(null);
  }, []);

  const remove = async (item: MediaItem) => {
    try {
      await api<void>('DELETE', `/api/media/library/${item.id}`);
      items.value = items.value.filter((i) => i.id !== item.id);
    } catch (e) {
      error.value = e instanceof ApiError && e.status ? e.message : t('common.error');
    }
  };
  const me = user.value;

  return (
    <section class="media-library" aria-label={t('media.libraryTitle')}>
      {error.value && (
        <p class="form-error" role="alert">
          {error.value}
        </p>
      )}
      {!loading.value && items.value.length === 0 && !error.value && <p class="muted">{t('media.libraryEmpty')}</p>}
      <ul class="media-grid">
        {items.value.map((item) => (
          <li key={item.id} class="media-tile">
            <button type="button" class="media-pick" aria-label={t('media.pick', { name: item.name })} onClick={() => onPick(item)}>
              {item.content_type.startsWith('video/') ? (
                <video src={item.url} muted preload="metadata" />
              ) : (
                <img src={item.url} alt="" loading="lazy" />
              )}
              <span class="media-name">{item.name}</span>
            </button>
            {(me?.role === 'admin' || me?.id === item.created_by) && (
              <button
                type="button"
                class="media-delete icon-btn"
                aria-label={t('media.delete', { name: item.name })}
                title={t('media.deleteHint')}
                onClick={() => void remove(item)}
              >
                <Icon name="x" size={12} />
              </button>
            )}
          </li>
        ))}
      </ul>
      {cursor.value && (
        <button type="button" class="link-btn" disabled={loading.value} onClick={() => void load(cursor.value)}>
          {t('media.more')}
        </button>
      )}
    </section>
  );
}
