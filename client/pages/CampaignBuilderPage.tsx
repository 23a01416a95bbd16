/**
 * /campaigns/new: a campaign from scratch or from one of the four scenarios; its message built
 * and previewed as any chosen customer (RCS and SMS, with the SMS parts), an optional variant B
 * with its share, the audience and how much of it is excluded, when, and the frequency cap's
 * mode. The server checks every template again and refuses the send (400) before anything goes.
 */
import { useSignal } from '@preact/signals';
import type { Content } from '../../schemas/content';
import { ApiError, api } from '../lib/api';
import { canSendCampaigns } from '../lib/auth-state';
import { type CampaignKey, tc } from '../lib/campaigns-i18n';
import { navigate } from '../lib/router';
import { type Audience, AudienceField, audienceBody } from '../components/campaigns/AudienceField';
import { MessageBuilder } from '../components/campaigns/MessageBuilder';
import { SCENARIOS, type Scenario, scenarioDraft } from '../components/campaigns/scenarios';
import { type Draft, draftContent } from '../components/composer/drafts';
import type { PreviewState } from '../components/preview/usePreview';

/** Only a template error holds the send back here: the server checks every template again. */
const ok = (s: PreviewState | null) => s?.status !== 'invalid';

export default function CampaignBuilderPage() {
  const scenario = useSignal<Scenario>('scratchCard');
  const name = useSignal('');
  const draft = useSignal<Draft>(scenarioDraft('scratchCard').draft);
  const variantB = useSignal<Draft | null>(null);
  const shareB = useSignal(50);
  const audience = useSignal<Audience>({ mode: 'list', segmentId: '', list: '' });
  const when = useSignal<'now' | 'later'>('now');
  const sendAt = useSignal('');
  const capMode = useSignal<'skip' | 'defer'>('skip');
  const previewA = useSignal<PreviewState | null>(null);
  const previewB = useSignal<PreviewState | null>(null);
  const tried = useSignal(false);
  const busy = useSignal(false);
  const error = useSignal<string | null>(null);

  if (!canSendCampaigns.value) return <p class="form-error">{tc('c.readOnly')}</p>;

  const pick = (s: Scenario) => {
    scenario.value = s;
    const next = scenarioDraft(s);
    draft.value = next.draft;
    if (next.name) name.value = next.name;
    variantB.value = null;
  };
  const builtA = draftContent(draft.value, 'marketing');
  const builtB = variantB.value ? draftContent(variantB.value, 'marketing') : null;
  const message = (content: Content | null, d: Draft) => ({ content, fallback_text: d.fallback });

  const submit = async (e: Event) => {
    e.preventDefault();
    tried.value = true;
    error.value = null;
    const a = message(builtA.content, draft.value);
    const b = variantB.value && builtB ? message(builtB.content, variantB.value) : null;
    if (!a.content || (variantB.value && !b?.content) || !ok(previewA.value) || (variantB.value && !ok(previewB.value))) {
      error.value = tc('b.blocked');
      return;
    }
    busy.value = true;
    try {
      const created = await api<{ id: string }>('POST', '/api/campaigns', {
        name: name.value,
        ...audienceBody(audience.value),
        content: a.content,
        ...(a.fallback_text ? { fallback_text: a.fallback_text } : {}),
        ...(b
          ? { variants: [{ content: b.content, ...(b.fallback_text ? { fallback_text: b.fallback_text } : {}), share: shareB.value }] }
          : {}),
        ...(when.value === 'later' && sendAt.value ? { send_at: new Date(sendAt.value).toISOString() } : {}),
        cap_mode: capMode.value,
      });
      navigate(`/campaigns/${encodeURIComponent(created.id)}`);
    } catch (err) {
      error.value = err instanceof ApiError ? err.message : String(err);
    } finally {
      busy.value = false;
    }
  };

  return (
    <div class="admin">
      <header class="pane-head">
        <h1>{tc('b.title')}</h1>
      </header>
      <form class="admin-body campaign-builder" onSubmit={(e) => void submit(e)}>
        <label class="field">
          <span>{tc('b.start')}</span>
          <select value={scenario.value} onChange={(e) => pick(e.currentTarget.value as Scenario)} data-testid="scenario">
            {SCENARIOS.map((s) => (
              <option key={s} value={s}>
                {tc(`b.${s}` as CampaignKey)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{tc('c.name')}</span>
          <input required maxLength={200} value={name.value} onInput={(e) => (name.value = e.currentTarget.value)} />
        </label>
        <section aria-labelledby="message-a">
          <h2 id="message-a">{tc('b.message')}</h2>
          <MessageBuilder
            value={draft.value}
            onChange={(d) => (draft.value = d)}
            showProblems={tried.value}
            onPreview={(s) => (previewA.value = s)}
          />
        </section>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={variantB.value !== null}
            onChange={(e) => (variantB.value = e.currentTarget.checked ? structuredClone(draft.value) : null)}
          />{' '}
          {tc('b.ab')}
        </label>
        {variantB.value && (
          <section aria-labelledby="message-b">
            <h2 id="message-b">{tc('b.variantB')}</h2>
            <label class="field">
              <span>{tc('b.shareB')}</span>
              <input type="number" min={1} max={99} value={shareB.value} onInput={(e) => (shareB.value = e.currentTarget.valueAsNumber)} />
            </label>
            <MessageBuilder
              value={variantB.value}
              onChange={(d) => (variantB.value = d)}
              showProblems={tried.value}
              onPreview={(s) => (previewB.value = s)}
            />
          </section>
        )}
        <AudienceField value={audience.value} onChange={(a) => (audience.value = a)} />
        <fieldset>
          <legend>{tc('b.when')}</legend>
          <label class="radio">
            <input type="radio" name="when" checked={when.value === 'now'} onChange={() => (when.value = 'now')} /> {tc('b.now')}
          </label>
          <label class="radio">
            <input type="radio" name="when" checked={when.value === 'later'} onChange={() => (when.value = 'later')} /> {tc('b.later')}
          </label>
          {when.value === 'later' && (
            <label class="field">
              <span>{tc('b.sendAt')}</span>
              <input type="datetime-local" required value={sendAt.value} onInput={(e) => (sendAt.value = e.currentTarget.value)} />
            </label>
          )}
        </fieldset>
        <fieldset>
          <legend>{tc('b.cap')}</legend>
          <label class="radio">
            <input type="radio" name="cap" checked={capMode.value === 'skip'} onChange={() => (capMode.value = 'skip')} /> {tc('b.capSkip')}
          </label>
          <label class="radio">
            <input type="radio" name="cap" checked={capMode.value === 'defer'} onChange={() => (capMode.value = 'defer')} />{' '}
            {tc('b.capDefer')}
          </label>
        </fieldset>
        {error.value && (
          <p class="form-error" role="alert">
            {error.value}
          </p>
        )}
        <button class="btn btn-primary" type="submit" disabled={busy.value}>
          {when.value === 'later' ? tc('b.schedule') : tc('b.send')}
        </button>
      </form>
    </div>
  );
}
