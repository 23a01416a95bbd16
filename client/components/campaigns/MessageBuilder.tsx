/** The card or carousel builder for one variant of a campaign (marketing: "Stop" chip, opt-out mention). */
import type { Draft } from '../composer/drafts';
import { CardBuilder } from '../composer/CardBuilder';
import { CarouselBuilder } from '../composer/CarouselBuilder';
import type { PreviewState } from '../preview/usePreview';

export function MessageBuilder({
  value,
  onChange,
  showProblems,
  onPreview,
}: {
  value: Draft;
  onChange: (d: Draft) => void;
  showProblems: boolean;
  onPreview: (s: PreviewState) => void;
}) {
  return value.kind === 'card' ? (
    <CardBuilder value={value} onChange={onChange} purpose="marketing" showProblems={showProblems} onPreview={onPreview} />
  ) : (
    <CarouselBuilder value={value} onChange={onChange} purpose="marketing" showProblems={showProblems} onPreview={onPreview} />
  );
}
