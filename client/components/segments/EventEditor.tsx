/**
 * An event condition: its name, happened or not, the time window, a minimum count and one
 * `where` filter on an event property. Keys the builder does not edit (`sum`, more filters)
 * are kept as they are.
 */
import type { Condition, EventCondition } from '../../../schemas/segments';
import { COMMON_EVENTS, parseValue } from '../../lib/segment-model';
import { tseg, word } from '../../lib/segments-i18n';

const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));

export function EventEditor({
  value,
  id,
  invalid,
  describedBy,
  onChange,
}: {
  value: EventCondition;
  id: string;
  invalid: boolean;
  describedBy?: string;
  onChange: (c: Condition) => void;
}) {
  const aria = { 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy };
  const set = (patch: Partial<EventCondition>) => {
    const next: Record<string, unknown> = { ...value, ...patch };
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    onChange(next as Condition);
  };
  const filter = value.where?.[0];
  const filterKey = filter ? filter.field.slice('properties.'.length) : '';
  const filterValue = filter && 'value' in filter ? String(filter.value) : '';
  const setFilter = (key: string, raw: string) =>
    set({
      where:
        key === '' && raw === ''
          ? value.where?.slice(1).length
            ? value.where.slice(1)
            : undefined
          : [{ field: `properties.${key}`, op: 'equals', value: parseValue('scalar', raw) as string }, ...(value.where?.slice(1) ?? [])],
    });
  return (
    <>
      <input
        class="seg-input"
        list={`${id}-events`}
        aria-label={tseg('seg.eventName')}
        value={value.event}
        onInput={(e) => set({ event: e.currentTarget.value })}
        {...aria}
      />
      <datalist id={`${id}-events`}>
        {COMMON_EVENTS.map((e) => (
          <option key={e} value={e} />
        ))}
      </datalist>
      <select
        aria-label={tseg('seg.op')}
        value={value.op ?? 'happened'}
        onChange={(e) => {
          const op = e.currentTarget.value as 'happened' | 'not_happened';
          set(op === 'not_happened' ? { op, count: undefined, sum: undefined } : { op });
        }}
      >
        {(['happened', 'not_happened'] as const).map((op) => (
          <option key={op} value={op}>
            {word(op)}
          </option>
        ))}
      </select>
      <label class="seg-inline">
        <span>{tseg('seg.inLastDays')}</span>
        <input
          class="seg-input seg-num"
          type="number"
          min={1}
          step={1}
          value={value.in_last_days ?? ''}
          onInput={(e) => set({ in_last_days: num(e.currentTarget.value) })}
          {...aria}
        />
      </label>
      {(value.op ?? 'happened') === 'happened' && (
        <label class="seg-inline">
          <span>{tseg('seg.atLeast')}</span>
          <input
            class="seg-input seg-num"
            type="number"
            min={1}
            step={1}
            value={value.count?.op === 'at_least' ? value.count.value : ''}
            onInput={(e) => {
              const n = num(e.currentTarget.value);
              set({ count: n === undefined ? undefined : { op: 'at_least', value: n } });
            }}
            {...aria}
          />
        </label>
      )}
      <label class="seg-inline">
        <span>{tseg('seg.eventFilter')}</span>
        <input class="seg-input" value={filterKey} onInput={(e) => setFilter(e.currentTarget.value, filterValue)} {...aria} />
      </label>
      <label class="seg-inline">
        <span>{tseg('seg.eventFilterValue')}</span>
        <input class="seg-input" value={filterValue} onInput={(e) => setFilter(filterKey, e.currentTarget.value)} {...aria} />
      </label>
    </>
  );
}
