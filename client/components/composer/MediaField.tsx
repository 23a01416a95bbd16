/**
 * A card's media: drop a file, pick one, reuse one from the library, or paste an https URL.
 * Files go to the media library (upload.ts) and the card gets their public URL. What carriers
 * refuse (plain http, SVG, other types) is named under the field and blocks the card.
 */
import { useSignal } from '@preact/signals';
import { useId } from 'preact/hooks';
import type { MediaItem } from '../../../schemas/media';
import { t } from '../../lib/i18n';
import { Icon } from '../Icon';
import { type MediaHeight, mediaUrlProblem } from './drafts';
import { MediaLibrary } from './MediaLibrary';
import { ACCEPT, precheck, uploadFile } from './upload';

export interface MediaValue {
  image: string;
  height: MediaHeight;
  alt: string;
}

const isVideo = (url: string) => /\.(mp4|m4v|webm|3gp)(\?|#|$)/i.test(url);

export function MediaField({
  value,
  onChange,
  name = '',
}: {
  value: MediaValue;
  onChange: (v: MediaValue) => void;
  /** Prefix of the accessible names ("Card 2 · "), to tell the cards of a carousel apart. */
  name?: string;
}) {
  const id = useId();
  const dragging = useSignal(false);
  const progress = useSignal<{ name: string; share: number } | null>(null);
  const error = useSignal<string | null>(null);
  const warning = useSignal<string | null>(null);
  const libraryOpen = useSignal(false);

  const use = (item: MediaItem) => {
    onChange({ ...value, image: item.url, alt: value.alt });
    warning.value = item.warnings.includes('mms_too_large') ? t('media.mmsWarning') : null;
    libraryOpen.value = false;
  };

  const send = async (files: FileList | null | undefined) => {
    error.value = null;
    warning.value = null;
    if (!files?.length) return;
    if (files.length > 1) {
      error.value = t('media.errOne');
      return;
    }
    const file = files[0]!;
    const refused = precheck(file);
    if (refused) {
      error.value = refused;
      return;
    }
    progress.value = { name: file.name, share: 0 };
    try {
      use(await uploadFile(file, (share) => (progress.value = { name: file.name, share })));
    } catch (e) {
      error.value = e instanceof Error ? e.message : t('common.error');
    } finally {
      progress.value = null;
    }
  };

  const url = value.image.trim();
  const refused = mediaUrlProblem(url);
  const problem = refused ? t(refused.key, { ext: refused.ext ?? '' }) : null;
  return (
    <div class="field media-field">
      <span id={`${id}-label`}>{t('media.field')}</span>
      <fieldset
        class={dragging.value ? 'drop-zone dragging' : 'drop-zone'}
        aria-label={`${name}${t('media.drop')}`}
        onDragEnter={(e) => {
          e.preventDefault();
          dragging.value = true;
        }}
        onDragOver={(e) => {
          e.preventDefault();
          if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) dragging.value = false;
        }}
        onDrop={(e) => {
          e.preventDefault();
          dragging.value = false;
          void send(e.dataTransfer?.files);
        }}
      >
        {url && !problem ? (
          <div class="media-current">
            {isVideo(url) ? <video src={url} muted preload="metadata" /> : <img src={url} alt="" />}
            <button
              type="button"
              class="icon-btn media-clear"
              aria-label={`${name}${t('media.remove')}`}
              onClick={() => onChange({ ...value, image: '' })}
            >
              <Icon name="x" size={13} />
            </button>
          </div>
        ) : (
          <Icon name="upload" size={22} />
        )}
        <div class="drop-text">
          <strong>{t('media.drop')}</strong>
          <span class="muted">{t('media.hint')}</span>
          <span class="drop-actions">
            <label class="btn btn-small">
              {t('media.choose')}
              <input
                type="file"
                class="sr-only"
                accept={ACCEPT}
                aria-label={`${name}${t('media.choose')}`}
                onChange={(e) => {
                  void send(e.currentTarget.files);
                  e.currentTarget.value = '';
                }}
              />
            </label>
            <button
              type="button"
              class="btn btn-small"
              aria-expanded={libraryOpen.value}
              onClick={() => (libraryOpen.value = !libraryOpen.value)}
            >
              {t('media.library')}
            </button>
          </span>
        </div>
      </fieldset>
      {progress.value && (
        <div class="upload-progress" role="status">
          <progress max={1} value={progress.value.share} />
          <span>{t('media.uploading', { name: progress.value.name, pct: Math.round(progress.value.share * 100) })}</span>
        </div>
      )}
      {error.value && (
        <p class="form-error" role="alert">
          {error.value}
        </p>
      )}
      {warning.value && <p class="form-warning">{warning.value}</p>}
      {libraryOpen.value && <MediaLibrary onPick={use} />}
      <div class="media-url-row">
        <input
          type="url"
          placeholder={t('media.url')}
          aria-label={`${name}${t('card.image')}`}
          aria-invalid={problem ? true : undefined}
          value={value.image}
          onInput={(e) => {
            warning.value = null;
            onChange({ ...value, image: e.currentTarget.value });
          }}
        />
        <select
          aria-label={`${name}${t('media.height')}`}
          value={value.height}
          onChange={(e) => onChange({ ...value, height: e.currentTarget.value as MediaHeight })}
        >
          {(['short', 'medium', 'tall'] as const).map((h) => (
            <option key={h} value={h}>
              {t(`media.height.${h}`)}
            </option>
          ))}
        </select>
      </div>
      {url && problem && (
        <p class="form-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
