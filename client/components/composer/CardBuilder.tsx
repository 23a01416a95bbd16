/**
 * The card builder (a lazily loaded chunk): image, title, description, up to four buttons,
 * with the RCS view and the SMS fallback side by side. The fallback is generated until the
 * agent edits it, and its SMS segment count is always shown.
 */
import { useSignal } from '@preact/signals';
import * as v from 'valibot';
import { CardSchema, type Card, type Suggestion } from '../../../schemas/content';
import { t } from '../../lib/i18n';
import { smsFallbackText } from '../../../schemas/sms';
import { Icon } from '../Icon';
import { Modal } from '../Modal';
import { SegmentCount } from './SegmentCount';
// Preview (client/components/preview): the card rendered for the conversation's customer.
import { detail, threadPhone } from '../../state/thread';
import { FieldIssues } from '../preview/FieldIssues';
import { MessagePreview } from '../preview/MessagePreview';
import type { PreviewState } from '../preview/usePreview';

export interface CardDraft {
  card: Card;
  fallback: string;
}

interface ButtonDraft {
  text: string;
  url: string;
}

function toCard(image: string, title: string, description: string, buttons: ButtonDraft[]): Card {
  const btns: Suggestion[] = buttons
    .filter((b) => b.text.trim())
    .map((b) => (b.url.trim() ? { type: 'url', text: b.text.trim(), url: b.url.trim() } : { type: 'reply', text: b.text.trim() }));
  return {
    ...(image.trim() ? { media: { url: image.trim(), height: 'medium' as const } } : {}),
    ...(title.trim() ? { title: title.trim() } : {}),
    ...(description.trim() ? { description: description.trim() } : {}),
    ...(btns.length ? { buttons: btns } : {}),
  };
}

export default function CardBuilder({
  initial,
  onDone,
  onClose,
}: {
  initial: CardDraft | null;
  onDone: (d: CardDraft) => void;
  onClose: () => void;
}) {
  const c = initial?.card;
  const image = useSignal(c?.media?.url ?? '');
  const title = useSignal(c?.title ?? '');
  const description = useSignal(c?.description ?? '');
  const buttons = useSignal<ButtonDraft[]>(
    c?.buttons?.map((b) => ({ text: b.text, url: b.type === 'url' ? b.url : '' })) ?? [{ text: '', url: '' }],
  );
  const fallbackEdited = useSignal(initial?.fallback ?? null);

  const card = toCard(image.value, title.value, description.value, buttons.value);
  const generated = smsFallbackText({ type: 'card', card });
  const fallback = fallbackEdited.value ?? generated;
  const check = v.safeParse(CardSchema, card);
  // Preview: template errors name their field and hold the card back until fixed.
  const preview = useSignal<PreviewState['status']>('idle');
  const templateIssues = useSignal<{ path: string; message: string }[]>([]);
  const previewReady = preview.value === 'ok' || preview.value === 'error' || preview.value === 'not_found';
  const phone = threadPhone.value;
  const customer = phone ? { phone, name: detail.value?.conversation.name ?? null } : null;
  const problem = check.success ? null : check.issues.map((i) => `${v.getDotPath(i) ?? 'card'}: ${i.message}`)[0];
  const setButton = (i: number, patch: Partial<ButtonDraft>) =>
    (buttons.value = buttons.value.map((b, j) => (j === i ? { ...b, ...patch } : b)));

  return (
    <Modal title={t('card.builder')} onClose={onClose} wide>
      <div class="card-builder">
        <form
          class="card-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (check.success) onDone({ card: check.output, fallback });
          }}
        >
          <label class="field">
            <span>{t('card.image')}</span>
            <input type="url" placeholder="https://…" value={image.value} onInput={(e) => (image.value = e.currentTarget.value)} />
            <FieldIssues issues={templateIssues.value} path="content.card.media.url" />
          </label>
          <label class="field">
            <span>{t('card.title')}</span>
            <input maxLength={200} value={title.value} onInput={(e) => (title.value = e.currentTarget.value)} />
            <FieldIssues issues={templateIssues.value} path="content.card.title" />
          </label>
          <label class="field">
            <span>{t('card.description')}</span>
            <textarea rows={3} maxLength={2000} value={description.value} onInput={(e) => (description.value = e.currentTarget.value)} />
            <FieldIssues issues={templateIssues.value} path="content.card.description" />
          </label>
          <fieldset class="field">
            <legend>{t('card.buttons')}</legend>
            {buttons.value.map((b, i) => (
              <div class="button-row" key={i}>
                <input
                  aria-label={`${t('card.buttonText')} ${i + 1}`}
                  placeholder={t('card.buttonText')}
                  maxLength={25}
                  value={b.text}
                  onInput={(e) => setButton(i, { text: e.currentTarget.value })}
                />
                <input
                  aria-label={`${t('card.buttonUrl')} ${i + 1}`}
                  placeholder={t('card.buttonUrl')}
                  type="url"
                  value={b.url}
                  onInput={(e) => setButton(i, { url: e.currentTarget.value })}
                />
                <button
                  type="button"
                  class="icon-btn"
                  aria-label={`${t('card.remove')} ${i + 1}`}
                  onClick={() => (buttons.value = buttons.value.filter((_, j) => j !== i))}
                >
                  <Icon name="x" size={14} />
                </button>
                <FieldIssues issues={templateIssues.value} path={`content.card.buttons.${i}.text`} />
                <FieldIssues issues={templateIssues.value} path={`content.card.buttons.${i}.url`} />
              </div>
            ))}
            {buttons.value.length < 4 && (
              <button type="button" class="link-btn" onClick={() => (buttons.value = [...buttons.value, { text: '', url: '' }])}>
                <Icon name="plus" size={13} /> {t('card.addButton')}
              </button>
            )}
          </fieldset>
          {problem && <p class="form-hint">{problem}</p>}
          <div class="form-actions">
            <button type="button" class="btn" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" class="btn btn-primary" disabled={!check.success || !previewReady}>
              {t('card.insert')}
            </button>
          </div>
        </form>
        <div class="card-previews">
          <MessagePreview
            content={check.success ? { type: 'card', card } : null}
            fallbackText={fallback}
            purpose="support"
            profile={customer}
            onChange={(st) => {
              preview.value = st.status;
              templateIssues.value = st.status === 'invalid' ? st.issues : [];
            }}
          />
          <section aria-label={t('card.previewSms')}>
            <h3 class="preview-title">{t('card.previewSms')}</h3>
            <textarea
              class="fallback-text"
              aria-label={t('card.fallbackText')}
              rows={5}
              value={fallback}
              onInput={(e) => (fallbackEdited.value = e.currentTarget.value)}
            />
            <FieldIssues issues={templateIssues.value} path="fallback_text" />
            <div class="preview-foot">
              <SegmentCount text={fallback} onFix={(fixed) => (fallbackEdited.value = fixed)} />
              <span class="muted">{t('card.fallbackHint')}</span>
            </div>
          </section>
        </div>
      </div>
    </Modal>
  );
}
