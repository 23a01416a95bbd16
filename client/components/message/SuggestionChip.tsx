/**
 * One suggestion (chip under a message, or a card button). In the agent's thread it is shown
 * as the customer saw it; in the simulator `onTap` makes it tappable. A URL is only ever a
 * real link when it is http(s).
 */
import type { Suggestion } from '../../../schemas/content';
import { isHttpUrl } from '../../lib/safe';
import { Icon, type IconName } from '../Icon';

const icons: Partial<Record<Suggestion['type'], IconName>> = {
  url: 'link',
  dial: 'phone',
  location: 'search',
  calendar: 'clock',
  share_location: 'search',
};

export function SuggestionChip({ s, variant, onTap }: { s: Suggestion; variant: 'chip' | 'button'; onTap?: (s: Suggestion) => void }) {
  const icon = icons[s.type];
  const body = (
    <>
      {icon && <Icon name={icon} size={13} />}
      <span>{s.text}</span>
    </>
  );
  const cls = variant === 'chip' ? 'chip' : 'card-button';
  if (onTap) {
    return (
      <button type="button" class={cls} onClick={() => onTap(s)}>
        {body}
      </button>
    );
  }
  const href = s.type === 'url' && isHttpUrl(s.url) ? s.url : undefined;
  return href ? (
    <a class={cls} href={href} target="_blank" rel="noopener noreferrer nofollow" title={href}>
      {body}
    </a>
  ) : (
    <span class={cls}>{body}</span>
  );
}

export function Chips({ list, onTap }: { list?: Suggestion[]; onTap?: (s: Suggestion) => void }) {
  if (!list?.length) return null;
  return (
    <div class="chips">
      {list.map((s, i) => (
        <SuggestionChip key={i} s={s} variant="chip" onTap={onTap} />
      ))}
    </div>
  );
}
