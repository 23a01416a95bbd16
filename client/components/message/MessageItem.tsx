/**
 * One row of the agent's thread, rendered as the customer saw it: RCS content for RCS sends,
 * the SMS body as a plain bubble for SMS (flagged when it was a fallback), taps as what was
 * tapped, private notes set apart; a customer sentence that may ask to stop carries the
 * "record opt-out" action. Never HTML: every string is a text node.
 */
import type { MessageView } from '../../../schemas/messages';
import { fullTime, lang, t } from '../../lib/i18n';
import { actorName, purposeName } from '../../lib/labels';
import { Icon } from '../Icon';
import { InboundMedia } from './InboundMedia';
import { Linkified } from './Linkified';
import { RecordOptOut } from './RecordOptOut';
import { RichContent } from './RichContent';
import { StatusTicks } from './StatusTicks';

function time(iso: string) {
  return new Date(iso).toLocaleTimeString(lang.value, { hour: '2-digit', minute: '2-digit' });
}

function Inbound({ m }: { m: MessageView }) {
  if (m.kind === 'tap')
    return (
      <div class="tap-pill">
        <Icon name="tap" size={14} />
        <span>{t('thread.tapped', { text: m.text ?? m.postback ?? '' })}</span>
      </div>
    );
  return (
    <>
      {m.media?.map((f, i) => (
        <InboundMedia key={i} media={f} />
      ))}
      {m.kind === 'location' && !m.text && <div class="bubble bubble-in">{t('thread.sharedLocation')}</div>}
      {m.text && (
        <div class="bubble bubble-in">
          <Linkified text={m.text} />
        </div>
      )}
    </>
  );
}

function Outbound({ m }: { m: MessageView }) {
  // What reached the phone: on SMS that is the text body (the fallback), on RCS the rich content.
  if (m.channel === 'sms' && m.text)
    return (
      <div class="bubble bubble-out bubble-sms">
        <Linkified text={m.text} />
      </div>
    );
  if (m.content) return <RichContent content={m.content} />;
  return <div class="bubble bubble-out">{m.text ?? ''}</div>;
}

export function MessageItem({ m }: { m: MessageView }) {
  if (m.kind === 'note')
    return (
      <article class="msg msg-note" aria-label={t('thread.note')}>
        <div class="note">
          <div class="note-head">
            <Icon name="note" size={13} /> {t('thread.note')} · {actorName(m.author ?? null) ?? ''}
          </div>
          <div class="note-body">
            <Linkified text={m.text ?? ''} />
          </div>
        </div>
        <div class="msg-meta">
          <time dateTime={m.created_at} title={fullTime(m.created_at)}>
            {time(m.created_at)}
          </time>
        </div>
      </article>
    );
  const out = m.direction === 'out';
  const last = m.history[m.history.length - 1];
  return (
    <article class={`msg ${out ? 'msg-out' : 'msg-in'}`} data-id={m.id}>
      {out ? <Outbound m={m} /> : <Inbound m={m} />}
      {!out && m.flagged && <RecordOptOut m={m} />}
      <div class="msg-meta">
        <span class={`badge badge-${m.channel}`}>{m.channel.toUpperCase()}</span>
        {m.fallback && (
          <span class="fallback-note" title={m.fallback.reason}>
            {t('thread.fallback')}
          </span>
        )}
        {out && m.purpose && m.purpose !== 'support' && <span class="purpose">{purposeName(m.purpose)}</span>}
        {out && m.author && <span>{actorName(m.author)}</span>}
        <time dateTime={m.created_at} title={fullTime(m.created_at)}>
          {time(m.created_at)}
        </time>
        {out && <StatusTicks status={m.status} reason={m.status === 'failed' ? (last?.reason ?? null) : null} />}
      </div>
    </article>
  );
}
