/**
 * The reply box. Reply mode sends text (with suggested-reply chips) and/or a card; note mode
 * saves a private note that is never sent. A refusal from the server (422: opted out, outside
 * the care window…) is shown word for word and the draft is kept.
 */
import { useSignal, useSignalEffect } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { ReplyAcceptedSchema } from '../../../schemas/console-api';
import { MessageViewSchema } from '../../../schemas/message-view';
import { api, ApiError, call, enc } from '../../lib/api';
import { t } from '../../lib/i18n';
import { lazy } from '../../lib/lazy';
import { canned, refreshCanned } from '../../state/directory';
import { detail, upsertMessage } from '../../state/thread';
import { loadDraft, saveDraft } from '../../state/saved-drafts';
import { composerMode, focusComposer } from '../../state/ui';
import { OptOutBanner } from './OptOutBanner';
import { replyState } from './optout';
import { ComposerTabs } from './ComposerTabs';
import { Icon } from '../Icon';
import { CannedMenu, cannedMatches, unexpandedShortcut } from './CannedMenu';
import { Attachment } from './Attachment';
import { type Draft, emptyCardDraft, emptyCarouselDraft } from './drafts';
import { encodingAdvice } from '../../../schemas/gsm';
import { type Outgoing, outgoing } from './outgoing';
import { problemLines } from './problems';
import { ChipEditor } from './ChipEditor';
import { SegmentCount } from './SegmentCount';
// Preview (client/components/preview): a reply with {{ first_name }} as this customer gets it.
import { RenderedLine } from '../preview/RenderedLine';

const AttachDialog = lazy(() => import('./AttachDialog'));
const TYPING_EVERY_MS = 4000;

export function Composer({ phone }: { phone: string }) {
  const saved = useMemo(() => loadDraft(phone), [phone]);
  const text = useSignal(saved?.text ?? '');
  const chips = useSignal<string[]>([]);
  const attached = useSignal<Draft | null>(null);
  const editing = useSignal<Draft | null>(null);
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);
  const cannedActive = useSignal(0);
  /** A `/word` that was never expanded: the reply waits for the agent to confirm it. */
  const asking = useSignal<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const lastTyping = useRef(0);
  const note = composerMode.value === 'note';

  useSignalEffect(() => {
    if (focusComposer.value) box.current?.focus();
  });
  // Each conversation opens in reply mode (a note is a deliberate choice: the `n` key or the
  // tab), or in the mode its saved draft was written in.
  useEffect(() => {
    composerMode.value = saved?.note ? 'note' : 'reply';
  }, []);
  useSignalEffect(() => saveDraft(phone, { text: text.value, note: composerMode.value === 'note' }));
  const reply = replyState(detail.value?.conversation.phone === phone ? detail.value.profile : null);
  const blocked = !note && reply.kind === 'blocked';

  // What will be sent, and so what each SMS counter counts (the chips' "Reply: …" line included).
  const sent = outgoing(text.value, chips.value, attached.value);

  const slashWord = /(?:^|\s)(\/\S*)$/.exec(text.value)?.[1] ?? null;
  const matches = slashWord !== null ? cannedMatches(canned.value, slashWord) : [];
  // Opening the menu picks up responses an admin added since sign-in.
  const menuOpen = slashWord !== null;
  useEffect(() => {
    if (menuOpen) refreshCanned().catch(() => {});
  }, [menuOpen]);

  const insertCanned = (body: string) => {
    text.value = text.value.replace(/\/\S*$/, body);
    cannedActive.value = 0;
    box.current?.focus();
  };

  const sendTyping = () => {
    if (note || Date.now() - lastTyping.current < TYPING_EVERY_MS) return;
    lastTyping.current = Date.now();
    void api<void>('POST', `/api/conversations/${enc(phone)}/typing`).catch(() => {});
  };

  const post = async ({ content, fallback_text }: Outgoing) => {
    const r = await call(ReplyAcceptedSchema, 'POST', `/api/conversations/${enc(phone)}/messages`, {
      content,
      ...(fallback_text ? { fallback_text } : {}),
    });
    // Show it at once; the live event for the same id replaces it with the server's view.
    const now = new Date().toISOString();
    upsertMessage(phone, {
      id: r.id,
      direction: 'out',
      channel: r.channel,
      status: r.status,
      purpose: 'support',
      content,
      history: [],
      created_at: now,
      updated_at: now,
    });
  };

  const submit = async (asWritten = false) => {
    const body = text.value.trim();
    if (busy.value || (!body && !attached.value)) return;
    const unexpanded = note || asWritten ? null : unexpandedShortcut(body);
    asking.value = unexpanded;
    if (unexpanded) return;
    busy.value = true;
    error.value = null;
    try {
      if (note) {
        const m = await call(MessageViewSchema, 'POST', `/api/conversations/${enc(phone)}/notes`, { text: body });
        upsertMessage(phone, m);
      } else {
        const { messages, problems } = outgoing(body, chips.value, attached.value);
        if (problems.length) throw new Error(problemLines(problems)[0] ?? t('common.error'));
        for (const m of messages) {
          await post(m);
          if (m.content.type === 'text') text.value = '';
          else attached.value = null;
        }
        chips.value = [];
      }
      text.value = '';
      // The Send button is disabled once the box is empty: the cursor goes back to the box
      // (now, before the button re-renders disabled) rather than to the page, where letters
      // would be shortcuts.
      box.current?.focus();
    } catch (e) {
      error.value =
        e instanceof ApiError ? (e.status !== 0 ? e.message : t('common.error')) : e instanceof Error ? e.message : t('common.error');
    } finally {
      busy.value = false;
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (matches.length) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        cannedActive.value = (cannedActive.value + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length;
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        insertCanned(matches[Math.min(cannedActive.value, matches.length - 1)]!.text);
        return;
      }
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      // While asking, only the menu's buttons send: a second Enter is not a decision.
      if (!asking.value) void submit();
    }
    if (e.key === 'Escape') {
      if (asking.value) asking.value = null;
      else (e.currentTarget as HTMLElement).blur();
    }
  };

  return (
    <div class={note ? 'composer composer-note' : 'composer'}>
      <ComposerTabs
        note={note}
        panel={`composer-panel-${phone}`}
        onPick={(m, viaKeys) => {
          composerMode.value = m;
          // Clicking a tab is about to type: the cursor goes in the box (and single keys stay
          // text) at once, inside the click, so keys typed right after it land there; again after
          // the render, for a box the other mode had disabled.
          if (viaKeys) return;
          box.current?.focus();
          requestAnimationFrame(() => box.current?.focus());
        }}
      />
      <OptOutBanner state={reply} name={detail.value?.conversation.name || phone} />
      {error.value && (
        <div class="send-error" role="alert">
          <Icon name="alert" size={14} />
          <span>
            <strong>{t('composer.blocked')}:</strong> {error.value}
          </span>
        </div>
      )}
      {!note && attached.value && (
        <Attachment
          draft={attached.value}
          sms={sent.messages.find((m) => m.content.type !== 'text')?.sms ?? null}
          onEdit={() => (editing.value = attached.value)}
          onRemove={() => (attached.value = null)}
        />
      )}
      <div class="composer-input" role="tabpanel" id={`composer-panel-${phone}`}>
        <CannedMenu
          word={slashWord}
          items={matches}
          any={canned.value.length > 0}
          active={cannedActive.value}
          onPick={(c) => insertCanned(c.text)}
          asking={asking.value}
          onSendAnyway={() => void submit(true)}
          onKeepEditing={() => {
            asking.value = null;
            box.current?.focus();
          }}
        />
        <textarea
          ref={box}
          rows={3}
          aria-label={note ? t('composer.note') : t('composer.reply')}
          disabled={blocked}
          placeholder={note ? t('composer.notePlaceholder') : t('composer.placeholder')}
          value={text.value}
          onInput={(e) => {
            text.value = e.currentTarget.value;
            cannedActive.value = 0;
            asking.value = null;
            sendTyping();
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      {!note && <RenderedLine text={text.value} phone={phone} />}
      {!note && <ChipEditor chips={chips.value} onChange={(c) => (chips.value = c)} />}
      <div class="composer-foot">
        {!note && (
          <button
            type="button"
            class="btn btn-ghost"
            disabled={blocked}
            onClick={() => (editing.value = attached.value?.kind === 'card' ? attached.value : emptyCardDraft())}
          >
            <Icon name="card" size={14} /> {t('composer.card')}
          </button>
        )}
        {!note && (
          <button
            type="button"
            class="btn btn-ghost"
            disabled={blocked}
            onClick={() => (editing.value = attached.value?.kind === 'carousel' ? attached.value : emptyCarouselDraft())}
          >
            <Icon name="carousel" size={14} /> {t('composer.carousel')}
          </button>
        )}
        {!note && (
          <SegmentCount
            text={sent.messages.find((m) => m.content.type === 'text')?.sms ?? ''}
            onFix={() => {
              // The count includes the "Reply: …" line of the chips: make the words and the chips GSM-safe.
              const safe = (s: string) => encodingAdvice(s).fixed ?? s;
              text.value = safe(text.value);
              chips.value = chips.value.map(safe);
              box.current?.focus();
            }}
          />
        )}
        <span class="spacer" />
        <button
          type="button"
          class="btn btn-primary"
          // While sending, the button stays focusable (aria-disabled, submit ignores it): a
          // disabled button would drop the focus to the page, where letters are shortcuts.
          disabled={blocked || (!busy.value && !text.value.trim() && !attached.value)}
          aria-disabled={busy.value || undefined}
          onClick={() => void submit()}
        >
          {busy.value ? t('composer.sending') : note ? t('composer.addNote') : t('composer.send')}
          {!busy.value && <Icon name="send" size={13} />}
        </button>
      </div>
      {editing.value && (
        <AttachDialog
          initial={editing.value}
          profile={{ phone, name: detail.value?.conversation.name ?? null }}
          onClose={() => (editing.value = null)}
          onAttach={(d) => {
            attached.value = d;
            editing.value = null;
          }}
        />
      )}
    </div>
  );
}
