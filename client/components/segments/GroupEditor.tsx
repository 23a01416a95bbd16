/** A group of conditions combined with all / any, nested groups inside (schemas/segments.ts bounds the depth). */
import type { Condition, Group } from '../../../schemas/segments';
import { MAX_CONDITIONS, MAX_DEPTH } from '../../../schemas/segments';
import { type Issue, issuesAt, items, newCondition, withItems } from '../../lib/segment-model';
import { tseg } from '../../lib/segments-i18n';
import { ConditionRow } from './ConditionRow';

export function GroupEditor({
  value,
  path,
  depth,
  issues,
  readOnly,
  onChange,
}: {
  value: Group;
  path: string;
  depth: number;
  issues: readonly Issue[];
  readOnly: boolean;
  onChange: (g: Group) => void;
}) {
  const mode = 'all' in value ? 'all' : 'any';
  const list = items(value);
  const listPath = `${path}.${mode}`;
  const mine = issuesAt(issues, path, true);
  const setAt = (i: number, c: Condition) =>
    onChange(
      withItems(
        value,
        list.map((x, j) => (j === i ? c : x)),
      ),
    );
  const removeAt = (i: number) =>
    onChange(
      withItems(
        value,
        list.filter((_, j) => j !== i),
      ),
    );
  const add = (c: Condition) => onChange(withItems(value, [...list, c]));
  const full = list.length >= MAX_CONDITIONS;
  return (
    <fieldset class="seg-group" aria-label={tseg(`seg.match.${mode}`)}>
      <div class="seg-group-head">
        <label class="seg-inline">
          <span>{tseg('seg.groupMode')}</span>
          <select
            disabled={readOnly}
            value={mode}
            onChange={(e) => onChange(e.currentTarget.value === 'all' ? { all: list } : { any: list })}
          >
            <option value="all">{tseg('seg.mode.all')}</option>
            <option value="any">{tseg('seg.mode.any')}</option>
          </select>
        </label>
        <span class="muted">{tseg(`seg.match.${mode}`)}</span>
      </div>
      {mine.length > 0 && (
        <ul class="field-error seg-errors" role="alert">
          {mine.map((i) => (
            <li key={i.path + i.message}>{i.message}</li>
          ))}
        </ul>
      )}
      <ul class="seg-list">
        {list.map((c, i) => (
          <ConditionRow
            // Position is the condition's identity in the grammar's paths too.
            key={i}
            value={c}
            path={`${listPath}.${i}`}
            depth={depth}
            issues={issues}
            readOnly={readOnly}
            onChange={(next) => setAt(i, next)}
            onRemove={() => removeAt(i)}
          />
        ))}
      </ul>
      {!readOnly && (
        <div class="seg-group-actions">
          <button type="button" class="link-btn" disabled={full} onClick={() => add(newCondition('field'))}>
            + {tseg('seg.addCondition')}
          </button>
          {depth < MAX_DEPTH && (
            <button type="button" class="link-btn" disabled={full} onClick={() => add(newCondition('group'))}>
              + {tseg('seg.addGroup')}
            </button>
          )}
        </div>
      )}
    </fieldset>
  );
}
