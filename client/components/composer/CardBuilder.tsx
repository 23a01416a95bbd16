/**
 * The card builder (a lazily loaded chunk): image, title, description, up to four buttons,
 * with the RCS view and the SMS fallback side by side. The fallback is generated until the
 * agent edits it, and its SMS segment count is always shown.
 */
import { useSignal } from '@preact/signals';
import * as v from 'valibot';
import { CardSchema, type Card, type Suggestion } from '../../../schemas/content';
import { t } from '../../lib/i18n';
import { lintContent } from '../../../schemas/lint';
import { smsFallbackText } from '../../../schemas/sms';
import { CardView } from '../message/CardView';
import { Icon } from '../Icon';
import { Modal } from '../Modal';
import { SegmentCount } from './SegmentCount';

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
  // Editorial advice from the shared lint (one action per message, image checks…): shown, never blocking.
  const advice = check.success ? lintContent({ type: 'card', card }, { smsText: fallback }) : [];
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
          </label>
          <label class="field">
            <span>{t('card.title')}</span>
            <input maxLength={200} value={title.value} onInput={(e) => (title.value = e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{t('card.description')}</span>
            <textarea rows={3} maxLength={2000} value={description.value} onInput={(e) => (description.value = e.currentTarget.value)} />
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
            <button type="submit" class="btn btn-primary" disabled={!check.success}>
              {t('card.insert')}
            </button>
          </div>
        </form>
        <div class="card-previews">
          <section aria-label={t('card.previewRcs')}>
            <h3 class="preview-title">{t('card.previewRcs')}</h3>
            <div class="preview-phone">{check.success ? <CardView card={card} /> : <div class="muted">—</div>}</div>
          </section>
          {advice.length > 0 && (
            <ul class="lint" aria-label={t('card.advice')}>
              {advice.map((i) => (
                <li key={i.code + i.path} class={`lint-${i.level}`}>
                  {i.message}
                </li>
              ))}
            </ul>
          )}
          <section aria-label={t('card.previewSms')}>
            <h3 class="preview-title">{t('card.previewSms')}</h3>
            <textarea
              class="fallback-text"
              aria-label={t('card.fallbackText')}
              rows={5}
              value={fallback}
              onInput={(e) => (fallbackEdited.value = e.currentTarget.value)}
            />
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
