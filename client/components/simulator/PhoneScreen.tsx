/**
 * What one simulated customer sees, styled like a phone's messaging app: the verified brand
 * header and rich content for RCS, plain bubbles for an SMS-only phone. Taps and replies go
 * through the simulator API (→ the sandbox's callback ingestion), like a carrier callback;
 * `readOnly` (marketers) shows the phone without acting as the customer.
 */
import { useSignal } from '@preact/signals';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { Suggestion } from '../../../schemas/content';
import type { MessageView } from '../../../schemas/messages';
import type { BrandView } from '../../../schemas/settings';
import type { SandboxMode } from '../../../schemas/simulator';
import { api, ApiError, enc } from '../../lib/api';
import { t } from '../../lib/i18n';
import { isMediaUrl } from '../../lib/safe';
import { Icon } from '../Icon';
import { Linkified } from '../message/Linkified';
import { RichContent } from '../message/RichContent';

function Bubble({ m, rcs, onTap }: { m: MessageView; rcs: boolean; onTap: (m: MessageView, s: Suggestion) => void }) {
  if (m.direction === 'in')
    return <div class="sim-bubble sim-me">{m.kind === 'tap' ? (m.text ?? m.postback) : <Linkified text={m.text ?? ''} />}</div>;
  if (rcs && m.channel === 'rcs' && m.content)
    return (
      <div class="sim-rich">
        <RichContent content={m.content} bubbleClass="sim-bubble sim-them" onTap={(s) => onTap(m, s)} />
      </div>
    );
  return (
    <div class="sim-bubble sim-them">
      <Linkified text={m.text ?? (m.content?.type === 'text' ? m.content.text : '')} />
    </div>
  );
}

export function PhoneScreen({
  phone,
  name,
  mode,
  brand,
  readOnly = false,
}: {
  phone: string;
  name: string | null;
  mode: SandboxMode;
  brand: BrandView | null;
  readOnly?: boolean;
}) {
  const msgs = useSignal<MessageView[]>([]);
  const draft = useSignal('');
  const error = useSignal<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const rcs = mode !== 'sms';

  const refresh = async () => {
    const page = await api<{ messages: MessageView[] }>('GET', `/api/simulator/phones/${enc(phone)}/messages`);
    const next = [...page.messages].filter((m) => m.kind !== 'note').reverse();
    const cur = msgs.value;
    if (next.length !== cur.length || next.some((m, i) => m.id !== cur[i]?.id || m.status !== cur[i]?.status)) msgs.value = next;
  };
  useEffect(() => {
    msgs.value = [];
    void refresh().catch(() => {});
    // The simulator polls: it stands in for a phone, not an agent, so it stays off the inbox socket.
    const timer = setInterval(() => void refresh().catch(() => {}), 1500);
    return () => clearInterval(timer);
  }, [phone]);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [msgs.value.length]);

  const act = async (body: unknown) => {
    if (readOnly) return;
    error.value = null;
    try {
      await api('POST', `/api/simulator/phones/${enc(phone)}/actions`, body);
      await refresh();
    } catch (e) {
      error.value = e instanceof ApiError ? e.message : t('common.error');
    }
  };
  // A reply chip comes back as a suggested-reply callback; any other button is an action (open URL, dial…).
  const onTap = (m: MessageView, s: Suggestion) =>
    void act({
      type: 'tap',
      message_id: m.id,
      postback: s.postback ?? s.text,
      text: s.text,
      kind: s.type === 'reply' ? 'reply' : 'action',
    });
  const lastTyping = useRef(0);
  const typing = () => {
    if (readOnly || !rcs || Date.now() - lastTyping.current < 4000) return;
    lastTyping.current = Date.now();
    void api('POST', `/api/simulator/phones/${enc(phone)}/actions`, { type: 'typing' }).catch(() => {});
  };
  const color = brand?.color && /^#[0-9a-f]{3,8}$/i.test(brand.color) ? brand.color : '#4f46e5';

  return (
    <section class="phone" aria-label={`${name ?? phone}`} style={{ '--brand': color }}>
      <div class="phone-notch" aria-hidden="true" />
      <header class={rcs ? 'phone-head phone-head-rcs' : 'phone-head'}>
        {rcs && brand ? (
          <>
            {brand.logo_url && (/^\/(?!\/)/.test(brand.logo_url) || isMediaUrl(brand.logo_url)) ? (
              <img class="brand-logo" src={brand.logo_url} alt="" />
            ) : (
              <span class="brand-logo brand-logo-letter">{brand.name.slice(0, 1)}</span>
            )}
            <span class="phone-brand">
              <strong>{brand.name}</strong>
              <span class="verified">
                <Icon name="shield" size={11} /> {t('sim.verified')}
              </span>
            </span>
          </>
        ) : (
          <span class="phone-brand">
            <strong>{brand?.name ?? 'SMS'}</strong>
            <span class="muted small">SMS</span>
          </span>
        )}
        {mode === 'rcs_offline' && <span class="offline-pill">{t('sim.mode.rcs_offline')}</span>}
      </header>
      <div class="phone-screen" ref={scroller}>
        {msgs.value.map((m) => (
          <div key={m.id} class={m.direction === 'in' ? 'sim-row sim-row-me' : 'sim-row'}>
            <Bubble m={m} rcs={rcs} onTap={onTap} />
          </div>
        ))}
      </div>
      {error.value && (
        <div class="sim-error" role="alert">
          {error.value}
        </div>
      )}
      {!readOnly && (
        <form
          class="phone-input"
          onSubmit={(e) => {
            e.preventDefault();
            const text = draft.value.trim();
            if (!text) return;
            draft.value = '';
            void act({ type: 'reply', text });
          }}
        >
          <input
            aria-label={t('sim.reply')}
            placeholder={rcs ? t('sim.rcsMessage') : t('sim.reply')}
            value={draft.value}
            onInput={(e) => {
              draft.value = e.currentTarget.value;
              typing();
            }}
          />
          <button class="phone-send" type="submit" aria-label={t('sim.send')}>
            <Icon name="send" size={16} />
          </button>
        </form>
      )}
    </section>
  );
}
