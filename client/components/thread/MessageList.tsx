/**
 * The scrolling thread. Opens at the bottom on the latest page; when the top sentinel shows,
 * the previous page is prepended and the view stays where the agent was reading. New messages
 * follow the bottom only if the agent was already there. Consent changes are interleaved.
 */
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { MessageView } from '../../../schemas/messages';
import type { ConsentLogEntry } from '../../../schemas/profile';
import { lang, t } from '../../lib/i18n';
import { detail, loadOlder, loadingOlder, messages, olderCursor, threadPhone, typing } from '../../state/thread';
import { MessageItem } from '../message/MessageItem';
import { ConsentRow } from './ConsentRow';

type Item = { k: 'm'; at: string; m: MessageView } | { k: 'c'; at: string; e: ConsentLogEntry };

function timeline(list: MessageView[], log: ConsentLogEntry[], complete: boolean): Item[] {
  const from = complete ? '' : (list[0]?.created_at ?? '\uffff');
  const items: Item[] = list.map((m) => ({ k: 'm', at: m.created_at, m }));
  const extra: Item[] = log.filter((e) => e.at >= from).map((e) => ({ k: 'c', at: e.at, e }));
  if (!extra.length) return items;
  return [...items, ...extra].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

function dayLabel(iso: string): string {
  return new Date(iso).toLocaleDateString(lang.value, { weekday: 'long', day: 'numeric', month: 'long' });
}

export function MessageList() {
  const box = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);
  const top = useRef<HTMLDivElement>(null);
  const fromBottom = useRef(0);
  const prev = useRef<{ phone: string | null; first?: string; last?: string; n: number }>({ phone: null, n: 0 });
  const list = messages.value;
  const phone = threadPhone.value;

  const onScroll = () => {
    const el = box.current;
    if (el) fromBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight;
  };

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const p = prev.current;
    const first = list[0]?.id;
    const last = list[list.length - 1]?.id;
    if (p.phone !== phone || p.n === 0)
      el.scrollTop = el.scrollHeight; // opened: latest at the bottom
    else if (first !== p.first && last === p.last)
      el.scrollTop = el.scrollHeight - el.clientHeight - fromBottom.current; // older page prepended
    else if (last !== p.last && fromBottom.current < 160) el.scrollTop = el.scrollHeight; // new message while at the bottom
    prev.current = { phone, first, last, n: list.length };
    onScroll();
  }, [list, phone]);

  // Images load after layout: stay pinned to the bottom if that is where the agent is.
  useEffect(() => {
    const el = box.current;
    const content = inner.current;
    if (!el || !content) return;
    const ro = new ResizeObserver(() => {
      if (fromBottom.current < 160) el.scrollTop = el.scrollHeight;
      else el.scrollTop = el.scrollHeight - el.clientHeight - fromBottom.current;
    });
    ro.observe(content);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    const el = top.current;
    if (!el || !box.current) return;
    const io = new IntersectionObserver((es) => es.some((e) => e.isIntersecting) && prev.current.n > 0 && void loadOlder(), {
      root: box.current,
      rootMargin: '600px 0px 0px 0px',
    });
    io.observe(el);
    return () => io.disconnect();
  }, []);

  const d = detail.value;
  const items = timeline(list, d?.consent_log ?? [], olderCursor.value === null);
  const who = d?.conversation.name || phone || '';
  const isTyping = phone ? Date.now() - (typing.value[phone] ?? 0) < 6000 : false;
  let lastDay = '';

  return (
    <div class="thread-scroll" ref={box} onScroll={onScroll} role="log" aria-label={who}>
      <div ref={inner} class="thread-inner">
        <div ref={top} class="sentinel" />
        {loadingOlder.value && <div class="thread-note">{t('thread.loadingOlder')}</div>}
        {olderCursor.value === null && list.length > 0 && <div class="thread-note">{t('thread.start')}</div>}
        {items.map((it) => {
          const day = new Date(it.at).toDateString();
          const sep = day !== lastDay;
          lastDay = day;
          return (
            <div key={it.k === 'm' ? it.m.id : `c${it.e.id}`}>
              {sep && (
                <div class="day-sep">
                  <span>{dayLabel(it.at)}</span>
                </div>
              )}
              {it.k === 'm' ? <MessageItem m={it.m} /> : <ConsentRow e={it.e} />}
            </div>
          );
        })}
        {isTyping && (
          <div class="typing" role="status">
            <span class="dots" aria-hidden="true">
              <i />
              <i />
              <i />
            </span>
            {t('thread.typing', { name: who })}
          </div>
        )}
      </div>
    </div>
  );
}
