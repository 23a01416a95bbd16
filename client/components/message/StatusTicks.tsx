/** Delivery state as ticks: one for sent, two for delivered, two coloured for read, red for failed. */
import type { JSX } from 'preact';
import type { MessageStatus } from '../../../schemas/messages';
import { t } from '../../lib/i18n';
import { Icon } from '../Icon';

export function StatusTicks({ status, reason }: { status: MessageStatus; reason?: string | null }) {
  const label = t(`tick.${status}`) + (reason ? ` (${reason})` : '');
  let glyph: JSX.Element;
  if (status === 'failed' || status === 'skipped' || status === 'revoked') glyph = <Icon name="alert" size={13} />;
  else if (status === 'queued' || status === 'scheduled' || status === 'held') glyph = <Icon name="clock" size={13} />;
  else if (status === 'delivered' || status === 'read' || status === 'fell_back')
    glyph = (
      <span class="double-tick">
        <Icon name="check" size={13} />
        <Icon name="check" size={13} />
      </span>
    );
  else glyph = <Icon name="check" size={13} />;
  return (
    <span class={`ticks ticks-${status}`} title={label} aria-label={label} role="img">
      {glyph}
    </span>
  );
}
