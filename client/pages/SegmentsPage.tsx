/**
 * /segments: the brand's saved segments and the built-in examples, each with its current
 * count, and the builder to create or edit one. Everyone signed in reads; marketers and
 * admins create, edit and delete (the server enforces it). A built-in is a starting point:
 * editing one saves a copy.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { type Segment, SegmentListSchema } from '../../schemas/segments-api';
import { ApiError, api, call } from '../lib/api';
import { user } from '../lib/auth-state';
import { segmentName } from '../lib/segment-names';
import { t } from '../lib/i18n';
import { tseg } from '../lib/segments-i18n';
import { ConfirmDialog, type ConfirmRequest } from '../components/ConfirmDialog';
import { type Draft, SegmentBuilder } from '../components/segments/SegmentBuilder';

const EMPTY: Draft = { name: '', definition: { all: [] } };

export default function SegmentsPage() {
  const segments = useSignal<Segment[]>([]);
  const error = useSignal<string | null>(null);
  const draft = useSignal<{ draft: Draft; readOnly: boolean; key: number } | null>(null);
  const confirm = useSignal<ConfirmRequest | null>(null);
  const role = user.value?.role;
  const writer = role === 'admin' || role === 'marketer';

  const load = () =>
    call(SegmentListSchema, 'GET', '/api/segments').then(
      (r) => {
        segments.value = r.segments;
      },
      (e: unknown) => {
        error.value = e instanceof ApiError && e.status !== 0 ? e.message : t('common.error');
      },
    );
  useEffect(() => void load(), []);

  let opened = 0;
  const open = (d: Draft, readOnly = !writer) => (draft.value = { draft: d, readOnly, key: Date.now() + opened++ });
  const startFrom = (s: Segment) => open({ name: tseg('seg.copyOf', { name: segmentName(s) }), definition: s.definition });
  const remove = (s: Segment) =>
    (confirm.value = {
      title: tseg('seg.deleteConfirm', { name: s.name }),
      body: tseg('seg.deleteBody'),
      confirm: tseg('seg.delete'),
      run: async () => {
        await api('DELETE', `/api/segments/${encodeURIComponent(s.id)}`);
        await load();
      },
    });

  return (
    <div class="admin">
      <header class="pane-head">
        <h1>{tseg('seg.title')}</h1>
        {writer && (
          <button type="button" class="btn btn-primary" onClick={() => open(EMPTY)}>
            {tseg('seg.new')}
          </button>
        )}
      </header>
      <div class="admin-body">
        <p class="page-intro">{tseg('seg.intro')}</p>
        {!writer && <p class="muted">{tseg('seg.readOnly')}</p>}
        {error.value && (
          <p class="form-error" role="alert">
            {error.value}
          </p>
        )}
        {draft.value && (
          <section class="admin-card">
            <div class="seg-card-head">
              <h2>{tseg('seg.builderTitle')}</h2>
              <button type="button" class="link-btn" onClick={() => (draft.value = null)}>
                {tseg('seg.cancel')}
              </button>
            </div>
            <SegmentBuilder
              key={draft.value.key}
              draft={draft.value.draft}
              readOnly={draft.value.readOnly}
              onSaved={(s) => {
                draft.value = { draft: { id: s.id, name: s.name, definition: s.definition }, readOnly: false, key: draft.value?.key ?? 0 };
                void load();
              }}
            />
          </section>
        )}
        {segments.value.length === 0 ? (
          <p class="empty-note">{tseg('seg.empty')}</p>
        ) : (
          <table class="table seg-table">
            <thead>
              <tr>
                <th>{tseg('seg.name')}</th>
                <th class="right">{tseg('seg.count')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {segments.value.map((s) => (
                <tr key={s.id}>
                  <td>
                    {segmentName(s)} {s.builtin && <span class="badge">{tseg('seg.builtin')}</span>}
                  </td>
                  <td class="right">{s.count}</td>
                  <td class="right row-actions">
                    {s.builtin ? (
                      writer && (
                        <button type="button" class="link-btn" onClick={() => startFrom(s)}>
                          {tseg('seg.use')}
                        </button>
                      )
                    ) : (
                      <>
                        <button type="button" class="link-btn" onClick={() => open({ id: s.id, name: s.name, definition: s.definition })}>
                          {writer ? tseg('seg.edit') : tseg('seg.view')}
                        </button>
                        {writer && (
                          <button type="button" class="link-btn danger" onClick={() => remove(s)}>
                            {tseg('seg.delete')}
                          </button>
                        )}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {confirm.value && <ConfirmDialog request={confirm.value} onDone={() => (confirm.value = null)} />}
    </div>
  );
}
