/**
 * One condition of a group: what kind it is, its own editor, a remove button, and the
 * server's messages about it right under it (linked to its inputs for screen readers).
 */
import type { Condition, EventCondition } from '../../../schemas/segments';
import { CONSENT_VALUES, type Issue, issuesAt, KINDS, type Kind, kindOf, newCondition } from '../../lib/segment-model';
import { tseg, word } from '../../lib/segments-i18n';
import { EventEditor } from './EventEditor';
import { FieldEditor } from './FieldEditor';
import { GroupEditor } from './GroupEditor';

/** An id for DOM references from a grammar path (`definition.all.1` → `seg-definition-all-1`). */
const domId = (path: string) => `seg-${path.replace(/\./g, '-')}`;

export function ConditionRow({
  value,
  path,
  depth,
  issues,
  readOnly,
  onChange,
  onRemove,
}: {
  value: Condition;
  path: string;
  depth: number;
  issues: readonly Issue[];
  readOnly: boolean;
  onChange: (c: Condition) => void;
  onRemove: () => void;
}) {
  const kind = kindOf(value);
  const remove = !readOnly && (
    <button type="button" class="icon-btn seg-remove" aria-label={tseg('seg.removeLabel')} title={tseg('seg.remove')} onClick={onRemove}>
      ×
    </button>
  );
  if (kind === 'group' && ('all' in value || 'any' in value)) {
    return (
      <li class="seg-row seg-row-group">
        <GroupEditor value={value} path={path} depth={depth + 1} issues={issues} readOnly={readOnly} onChange={onChange} />
        {remove}
      </li>
    );
  }
  const mine = issuesAt(issues, path);
  const errorId = mine.length ? `${domId(path)}-error` : undefined;
  const invalid = mine.length > 0;
  return (
    <li class={invalid ? 'seg-row seg-row-invalid' : 'seg-row'}>
      <fieldset class="seg-condition" disabled={readOnly}>
        <legend class="sr-only">{tseg(`seg.kind.${kind}`)}</legend>
        <select aria-label={tseg('seg.kind')} value={kind} onChange={(e) => onChange(newCondition(e.currentTarget.value as Kind))}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {tseg(`seg.kind.${k}`)}
            </option>
          ))}
        </select>
        {(kind === 'field' || kind === 'property') && 'field' in value && (
          <FieldEditor value={value} property={kind === 'property'} invalid={invalid} describedBy={errorId} onChange={onChange} />
        )}
        {kind === 'consent' && 'consent' in value && (
          <>
            <select
              aria-label={tseg('seg.purpose')}
              value={value.consent}
              onChange={(e) => onChange({ ...value, consent: e.currentTarget.value as 'marketing' })}
            >
              {(['marketing', 'transactional'] as const).map((p) => (
                <option key={p} value={p}>
                  {word(p)}
                </option>
              ))}
            </select>
            <select
              aria-label={tseg('seg.op')}
              value={value.op}
              onChange={(e) => onChange({ ...value, op: e.currentTarget.value as 'is' })}
            >
              {(['is', 'is_not'] as const).map((op) => (
                <option key={op} value={op}>
                  {word(op)}
                </option>
              ))}
            </select>
            <select
              aria-label={tseg('seg.status')}
              value={value.value}
              onChange={(e) => onChange({ ...value, value: e.currentTarget.value as 'subscribed' })}
            >
              {CONSENT_VALUES.map((s) => (
                <option key={s} value={s}>
                  {word(s)}
                </option>
              ))}
            </select>
          </>
        )}
        {kind === 'rcs' && 'rcs' in value && (
          <select aria-label={tseg('seg.value')} value={value.rcs} onChange={(e) => onChange({ rcs: e.currentTarget.value as 'capable' })}>
            {(['capable', 'not_capable', 'unknown'] as const).map((s) => (
              <option key={s} value={s}>
                {word(s)}
              </option>
            ))}
          </select>
        )}
        {kind === 'event' && 'event' in value && (
          <EventEditor value={value as EventCondition} id={domId(path)} invalid={invalid} describedBy={errorId} onChange={onChange} />
        )}
      </fieldset>
      {remove}
      {errorId && (
        <ul class="field-error seg-errors" id={errorId} role="alert">
          {mine.map((i) => (
            <li key={i.path + i.message}>{describe(i, path)}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** `value: must be at least 1`: the key under the condition, then the server's words. */
function describe(i: Issue, path: string): string {
  const key = i.path.slice(path.length + 1);
  return key ? `${key}: ${i.message}` : i.message;
}
