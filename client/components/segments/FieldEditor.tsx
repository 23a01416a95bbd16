/** A profile field or `properties.<key>` condition: the field (or property name), the operator and the value. */
import type { Condition } from '../../../schemas/segments';
import { BUILDER_FIELDS, formatValue, opsFor, parseValue, retarget, valueInput } from '../../lib/segment-model';
import { tseg, word } from '../../lib/segments-i18n';

type FieldLike = { field: string; op: string; value?: unknown };

export function FieldEditor({
  value,
  property,
  invalid,
  describedBy,
  onChange,
}: {
  value: FieldLike;
  /** A `properties.<key>` condition: the key is typed, not picked. */
  property: boolean;
  invalid: boolean;
  describedBy?: string;
  onChange: (c: Condition) => void;
}) {
  const input = valueInput(value.field, value.op);
  const aria = { 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy };
  // Preact types an <input> per literal `type`; this one changes type with the operator.
  const type = (input === 'number' || input === 'days' ? 'number' : input === 'date' ? 'date' : 'text') as 'text';
  const setValue = (raw: string) => onChange({ ...value, value: parseValue(input, raw) } as Condition);
  return (
    <>
      {property ? (
        <input
          class="seg-input"
          aria-label={tseg('seg.propertyKey')}
          placeholder={tseg('seg.propertyKey')}
          value={value.field.slice('properties.'.length)}
          onInput={(e) => onChange({ ...value, field: `properties.${e.currentTarget.value}` } as Condition)}
          {...aria}
        />
      ) : (
        <select aria-label={tseg('seg.field')} value={value.field} onChange={(e) => onChange(retarget(value, e.currentTarget.value))}>
          {BUILDER_FIELDS.map((f) => (
            <option key={f} value={f}>
              {word(f)}
            </option>
          ))}
        </select>
      )}
      <select aria-label={tseg('seg.op')} value={value.op} onChange={(e) => onChange(retarget(value, value.field, e.currentTarget.value))}>
        {opsFor(value.field).map((op) => (
          <option key={op} value={op}>
            {word(op)}
          </option>
        ))}
      </select>
      {input !== 'none' && (
        <input
          class="seg-input"
          aria-label={tseg('seg.value')}
          type={type}
          min={input === 'days' ? 1 : undefined}
          step={input === 'days' ? 1 : 'any'}
          placeholder={input === 'scalar' ? tseg('seg.scalarHint') : input === 'countries' ? tseg('seg.countriesHint') : undefined}
          value={formatValue(value.value)}
          onInput={(e) => setValue(e.currentTarget.value)}
          {...aria}
        />
      )}
    </>
  );
}
