/**
 * The carousel builder: 2 to 10 cards, each edited with the card builder's own form (media by
 * upload, library or URL), added, removed and reordered from the tab strip; the card width;
 * buttons under the whole carousel ("See the collection"); the same preview (rendered for the
 * chosen customer by the server) and SMS as a single card. A controlled component (`value`,
 * `onChange`, `purpose`) with nothing of the agent's thread in it: the composer attaches it, the
 * campaign pages mount it. A template error shows under its field, and on the tab of its card.
 */
import { useSignal } from '@preact/signals';
import { LIMITS } from '../../../schemas/lint';
import { t } from '../../lib/i18n';
import { Icon } from '../Icon';
import { ButtonsEditor } from './ButtonsEditor';
import { CardEditor } from './CardEditor';
import { type CardFields, type CarouselDraft, draftContent, emptyCard, mediaUrlProblem } from './drafts';
import { Previews } from './Previews';
import { ProblemList } from './ProblemList';
import { problemLines } from './problems';
import { type BuilderProps, useBuilderPreview } from './useBuilderPreview';

const cardName = (i: number) => `${t('carousel.card', { n: i + 1 })} · `;

export function CarouselBuilder({
  value,
  onChange,
  purpose = 'support',
  showProblems = false,
  profile = null,
  onPreview,
}: BuilderProps<CarouselDraft>) {
  const touched = useSignal(false);
  const preview = useBuilderPreview(onPreview);
  const cardHasIssue = (i: number) => preview.issues.some((p) => p.path.startsWith(`content.cards.${i}.`));
  const selected = useSignal(0);
  const built = draftContent(value, purpose);
  const change = (next: CarouselDraft) => {
    touched.value = true;
    onChange(next);
  };
  const cards = value.cards;
  const current = Math.min(selected.value, cards.length - 1);
  const setCards = (next: CardFields[], select: number) => {
    selected.value = select;
    change({ ...value, cards: next });
  };
  const move = (i: number, by: -1 | 1) => {
    const next = [...cards];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    setCards(next, i + by);
  };

  return (
    <div class="card-builder">
      <div class="card-form">
        <fieldset class="field carousel-width">
          <legend>{t('carousel.width')}</legend>
          {(['medium', 'small'] as const).map((w) => (
            <label key={w} class="radio">
              <input type="radio" name="carousel-width" checked={value.width === w} onChange={() => change({ ...value, width: w })} />
              {t(`carousel.${w}`)}
            </label>
          ))}
        </fieldset>
        <div class="carousel-tabs" role="tablist" aria-label={t('carousel.cards')}>
          {cards.map((c, i) => (
            <button
              key={i}
              type="button"
              role="tab"
              aria-selected={i === current}
              aria-invalid={cardHasIssue(i) ? true : undefined}
              class={i === current ? 'carousel-tab active' : 'carousel-tab'}
              onClick={() => (selected.value = i)}
            >
              {c.image.trim() && !mediaUrlProblem(c.image) ? <img src={c.image} alt="" /> : <Icon name="card" size={14} />}
              <span>{t('carousel.card', { n: i + 1 })}</span>
              {cardHasIssue(i) && <Icon name="alert" size={12} />}
            </button>
          ))}
          {cards.length < LIMITS.carouselMax && (
            <button type="button" class="link-btn" onClick={() => setCards([...cards, emptyCard()], cards.length)}>
              <Icon name="plus" size={13} /> {t('carousel.add')}
            </button>
          )}
        </div>
        <div class="carousel-card-actions">
          <button
            type="button"
            class="icon-btn"
            aria-label={t('carousel.left', { n: current + 1 })}
            disabled={current === 0}
            onClick={() => move(current, -1)}
          >
            <Icon name="left" size={14} />
          </button>
          <button
            type="button"
            class="icon-btn"
            aria-label={t('carousel.right', { n: current + 1 })}
            disabled={current === cards.length - 1}
            onClick={() => move(current, 1)}
          >
            <Icon name="right" size={14} />
          </button>
          <button
            type="button"
            class="link-btn danger"
            disabled={cards.length <= LIMITS.carouselMin}
            onClick={() =>
              setCards(
                cards.filter((_, j) => j !== current),
                Math.max(0, current - 1),
              )
            }
          >
            {t('carousel.remove', { n: current + 1 })}
          </button>
        </div>
        <div role="tabpanel" aria-label={t('carousel.card', { n: current + 1 })}>
          <CardEditor
            key={current}
            name={cardName(current)}
            issues={preview.issues}
            path={`content.cards.${current}`}
            value={cards[current]!}
            onChange={(card) =>
              change({
                ...value,
                cards: cards.map((c, j) => (j === current ? card : c)),
              })
            }
          />
        </div>
        <ButtonsEditor
          legend={t('carousel.buttons')}
          name={`${t('composer.carousel')} · `}
          max={4}
          value={value.buttons}
          onChange={(buttons) => change({ ...value, buttons })}
          issues={preview.issues}
          path="content.suggestions"
        />
        <ProblemList lines={touched.value || showProblems ? problemLines(built.problems) : []} />
      </div>
      <Previews
        content={built.content}
        preview={built.preview}
        sms={built.sms}
        fallback={value.fallback}
        onSms={(fallback) => change({ ...value, fallback })}
        purpose={purpose}
        profile={profile}
        issues={preview.issues}
        onPreview={preview.onPreview}
      />
    </div>
  );
}
