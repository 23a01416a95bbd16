/**
 * Segments (docs/api.md, "Segments"): a definition is JSON conditions over the profile
 * directory combined with `all` / `any`, nested, written so a marketer can read it back:
 * `{"field": "total_spent", "op": "greater_than", "value": 200}`. The Worker validates and
 * compiles them to SQL (worker/segments/compile.ts); the console's builder writes the same
 * shape. A bad condition is a 400 naming its path (`definition.all.2.value`). The grammar is
 * written once here: the types below only spell out the recursion valibot cannot infer.
 */
import * as v from 'valibot';
import { PURPOSES } from './profile';

/** Conditions in one definition, event filters included: keeps a query within D1's 100 bound values. */
export const MAX_CONDITIONS = 20;
/** Groups inside groups, the top one counting as 1. */
export const MAX_DEPTH = 4;
export const MAX_DAYS = 3650;
export const MAX_EVENT_FILTERS = 5;
export const SEGMENT_NAME_MAX_LENGTH = 100;

/** Directory fields a `field` condition can test, by type. `country` comes from the phone number. */
export const TEXT_FIELDS = ['first_name', 'last_name', 'email', 'locale', 'timezone', 'country'] as const;
/** Kept by each Profile from its order events (`Placed Order`...: docs/api.md, "Events"). */
export const NUMBER_FIELDS = ['orders_count', 'total_spent', 'average_order'] as const;
export const DATE_FIELDS = ['created_at', 'last_activity', 'first_order_at', 'last_order_at'] as const;
export const FIELDS = [...TEXT_FIELDS, ...NUMBER_FIELDS, ...DATE_FIELDS] as const;
export type Field = (typeof FIELDS)[number];
/** `properties.<key>`: a top-level key of the profile's (or, in `where`, the event's) properties. */
export const PROPERTY_PREFIX = 'properties.';

export const TEXT_OPS = ['equals', 'not_equals', 'contains', 'not_contains', 'starts_with'] as const;
export const LIST_OPS = ['in', 'not_in'] as const;
export const PRESENCE_OPS = ['exists', 'not_exists'] as const;
export const NUMBER_OPS = ['equals', 'not_equals', 'greater_than', 'less_than', 'at_least', 'at_most'] as const;
/** Relative to now: "in the last N days", "more than N days ago". */
export const DAYS_OPS = ['in_last_days', 'more_than_days_ago'] as const;
export const DATE_OPS = ['before', 'after'] as const;
export const PROPERTY_OPS = [...new Set([...NUMBER_OPS, ...TEXT_OPS, ...PRESENCE_OPS])] as const;
export const CONSENT_STATUSES = ['subscribed', 'unsubscribed', 'never'] as const;
export const CONSENT_OPS = ['is', 'is_not'] as const;
export const RCS_STATES = ['capable', 'not_capable', 'unknown'] as const;
export const EVENT_OPS = ['happened', 'not_happened'] as const;

export const list = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');

/** One wording for every object of the grammar: a missing key, an unknown key, not an object. */
export const objectMessage = (issue: v.BaseIssue<unknown>) =>
  issue.expected === 'never' ? 'is not allowed here' : issue.received === 'undefined' ? 'is required' : 'must be an object';

const Text = v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty'), v.maxLength(200, 'must be at most 200 characters'));
const Num = v.pipe(v.number('must be a number'), v.finite('must be a finite number'));
const Days = v.pipe(
  v.number('must be a number of days'),
  v.integer('must be a whole number of days'),
  v.minValue(1, 'must be at least 1'),
  v.maxValue(MAX_DAYS, `must be at most ${MAX_DAYS}`),
);
/** `2026-03-01` (midnight UTC) or a full ISO 8601 timestamp. */
const DateValue = v.pipe(
  v.string('must be a date like "2026-03-01"'),
  v.check(
    (s) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2}))?$/.test(s) && !Number.isNaN(Date.parse(s)),
    'must be a date like "2026-03-01" or an ISO 8601 timestamp',
  ),
);
const CountryCode = v.pipe(
  v.string('must be a two-letter country code, e.g. "FR"'),
  v.toUpperCase(),
  v.regex(/^[A-Z]{2}$/, 'must be a two-letter country code (ISO 3166-1), e.g. "FR"'),
);
const Countries = v.pipe(
  v.array(CountryCode, 'must be a list of country codes, e.g. ["FR", "BE"]'),
  v.minLength(1, 'must name at least one country'),
  v.maxLength(50, 'must name at most 50 countries'),
);

const opMessage = (ops: readonly string[], what: string) => `must be one of ${list(ops)} for ${what}`;

const textField = (fields: readonly [string, ...string[]], what: string) =>
  v.variant(
    'op',
    [
      v.strictObject({ field: v.picklist(fields), op: v.picklist(TEXT_OPS), value: Text }, objectMessage),
      v.strictObject({ field: v.picklist(fields), op: v.picklist(PRESENCE_OPS) }, objectMessage),
    ],
    opMessage([...TEXT_OPS, ...PRESENCE_OPS], what),
  );
const TextFieldCondition = textField(
  TEXT_FIELDS.filter((f) => f !== 'country') as [string, ...string[]],
  'a text field',
) as v.GenericSchema<unknown, TextFieldCondition>;
type TextFieldCondition =
  | { field: Exclude<(typeof TEXT_FIELDS)[number], 'country'>; op: (typeof TEXT_OPS)[number]; value: string }
  | { field: Exclude<(typeof TEXT_FIELDS)[number], 'country'>; op: (typeof PRESENCE_OPS)[number] };
const CountryFieldCondition = v.variant(
  'op',
  [
    v.strictObject({ field: v.literal('country'), op: v.picklist(LIST_OPS), value: Countries }, objectMessage),
    v.strictObject({ field: v.literal('country'), op: v.picklist(['equals', 'not_equals']), value: CountryCode }, objectMessage),
    v.strictObject({ field: v.literal('country'), op: v.picklist(PRESENCE_OPS) }, objectMessage),
  ],
  opMessage([...LIST_OPS, 'equals', 'not_equals', ...PRESENCE_OPS], 'the country'),
);
const NumberFieldCondition = v.strictObject(
  { field: v.picklist(NUMBER_FIELDS), op: v.picklist(NUMBER_OPS, opMessage(NUMBER_OPS, 'a number field')), value: Num },
  objectMessage,
);
const DateFieldCondition = v.variant(
  'op',
  [
    v.strictObject({ field: v.picklist(DATE_FIELDS), op: v.picklist(DAYS_OPS), value: Days }, objectMessage),
    v.strictObject({ field: v.picklist(DATE_FIELDS), op: v.picklist(DATE_OPS), value: DateValue }, objectMessage),
    v.strictObject({ field: v.picklist(DATE_FIELDS), op: v.picklist(PRESENCE_OPS) }, objectMessage),
  ],
  opMessage([...DAYS_OPS, ...DATE_OPS, ...PRESENCE_OPS], 'a date field'),
);

/** `properties.<key>` with a key that stays a plain JSON path (no `"` or `\`). */
const PropertyPath = v.pipe(
  v.string('must be a string'),
  v.regex(/^properties\.[^"\\]{1,100}$/, 'must be "properties.<key>" with a key of 1 to 100 characters, without " or \\'),
);
const Scalar = v.union([Text, Num, v.boolean()], 'must be a string, a number, true or false');
const PropertyConditionSchema = v.variant(
  'op',
  [
    v.strictObject({ field: PropertyPath, op: v.picklist(['equals', 'not_equals']), value: Scalar }, objectMessage),
    v.strictObject(
      { field: PropertyPath, op: v.picklist(['greater_than', 'less_than', 'at_least', 'at_most']), value: Num },
      objectMessage,
    ),
    v.strictObject({ field: PropertyPath, op: v.picklist(['contains', 'not_contains', 'starts_with']), value: Text }, objectMessage),
    v.strictObject({ field: PropertyPath, op: v.picklist(PRESENCE_OPS) }, objectMessage),
  ],
  opMessage(PROPERTY_OPS, 'a property'),
);
export type PropertyCondition = v.InferOutput<typeof PropertyConditionSchema>;

export type FieldCondition =
  | TextFieldCondition
  | v.InferOutput<typeof CountryFieldCondition>
  | v.InferOutput<typeof NumberFieldCondition>
  | v.InferOutput<typeof DateFieldCondition>;

const isIn = (xs: readonly string[], x: unknown) => typeof x === 'string' && xs.includes(x);
const UnknownField = v.looseObject(
  { field: v.picklist([], `must be one of ${list(FIELDS)} or "properties.<key>"`) },
  objectMessage,
) as unknown as v.GenericSchema<unknown, never>;

/** Picks the schema of the field's type, so a bad `op` or `value` is named for that type. */
const FieldConditionSchema: v.GenericSchema<unknown, FieldCondition | PropertyCondition> = v.lazy((input) => {
  const field = (input as { field?: unknown }).field;
  if (typeof field === 'string' && field.startsWith(PROPERTY_PREFIX)) return PropertyConditionSchema;
  if (field === 'country') return CountryFieldCondition;
  if (isIn(TEXT_FIELDS, field)) return TextFieldCondition;
  if (isIn(NUMBER_FIELDS, field)) return NumberFieldCondition;
  if (isIn(DATE_FIELDS, field)) return DateFieldCondition;
  return UnknownField;
});

const ConsentConditionSchema = v.strictObject(
  {
    consent: v.picklist(PURPOSES, `must be one of ${list(PURPOSES)}`),
    op: v.picklist(CONSENT_OPS, `must be one of ${list(CONSENT_OPS)}`),
    value: v.picklist(CONSENT_STATUSES, `must be one of ${list(CONSENT_STATUSES)}`),
  },
  objectMessage,
);
export type ConsentCondition = v.InferOutput<typeof ConsentConditionSchema>;

const RcsConditionSchema = v.strictObject({ rcs: v.picklist(RCS_STATES, `must be one of ${list(RCS_STATES)}`) }, objectMessage);
export type RcsCondition = v.InferOutput<typeof RcsConditionSchema>;

const Compare = (value: v.GenericSchema<number, number>) =>
  v.strictObject({ op: v.picklist(NUMBER_OPS, `must be one of ${list(NUMBER_OPS)}`), value }, objectMessage);

const EventObject = v.strictObject(
  {
    event: v.pipe(
      v.string('must be an event name'),
      v.minLength(1, 'must not be empty'),
      v.maxLength(100, 'must be at most 100 characters'),
    ),
    op: v.optional(v.picklist(EVENT_OPS, `must be one of ${list(EVENT_OPS)}`), 'happened'),
    in_last_days: v.optional(Days),
    where: v.optional(
      v.pipe(
        v.array(PropertyConditionSchema, 'must be a list of conditions on "properties.<key>"'),
        v.maxLength(MAX_EVENT_FILTERS, `must have at most ${MAX_EVENT_FILTERS} conditions`),
      ),
    ),
    count: v.optional(Compare(v.pipe(Num, v.integer('must be a whole number'), v.minValue(0, 'must be at least 0')))),
    sum: v.optional(Compare(Num)),
  },
  objectMessage,
);
type EventObject = v.InferOutput<typeof EventObject>;
const onlyWhenHappened = (e: EventObject, key: 'count' | 'sum') => e.op === 'happened' || e[key] === undefined;
const EventConditionSchema = v.pipe(
  EventObject,
  v.forward(
    v.check((e: EventObject) => onlyWhenHappened(e, 'count'), 'only goes with op "happened"'),
    ['count'],
  ),
  v.forward(
    v.check((e: EventObject) => onlyWhenHappened(e, 'sum'), 'only goes with op "happened"'),
    ['sum'],
  ),
);
/** As written: `op` may be left out ("happened"). */
export type EventCondition = v.InferInput<typeof EventConditionSchema>;

export type Leaf = FieldCondition | PropertyCondition | ConsentCondition | RcsCondition | EventCondition;
export type Group = { all: Condition[] } | { any: Condition[] };
export type Condition = Group | Leaf;
/** A definition is always a group at the top. */
export type SegmentDefinition = Group;

const LEAF_KEYS = ['field', 'consent', 'rcs', 'event'] as const;
export const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

const GroupList = v.pipe(
  v.array(
    v.lazy(() => ConditionSchema),
    'must be a list of conditions',
  ),
  v.maxLength(MAX_CONDITIONS, `must have at most ${MAX_CONDITIONS} conditions`),
);
const AllSchema = v.strictObject({ all: GroupList }, objectMessage) as v.GenericSchema<unknown, { all: Condition[] }>;
const AnySchema = v.strictObject({ any: GroupList }, objectMessage) as v.GenericSchema<unknown, { any: Condition[] }>;
const NotACondition = v.custom<never>(
  () => false,
  `must be a condition: {"all": [...]}, {"any": [...]} or an object with one of ${list(LEAF_KEYS)}`,
);

const ConditionSchema: v.GenericSchema<unknown, Condition> = v.lazy((input) => {
  if (!isObject(input)) return NotACondition;
  if ('all' in input) return AllSchema;
  if ('any' in input) return AnySchema;
  if ('field' in input) return FieldConditionSchema;
  if ('consent' in input) return ConsentConditionSchema;
  if ('rcs' in input) return RcsConditionSchema;
  if ('event' in input) return EventConditionSchema;
  return NotACondition;
});

export const isGroup = (c: Condition): c is Group => 'all' in c || 'any' in c;
export const groupItems = (g: Group): Condition[] => ('all' in g ? g.all : g.any);

/** Conditions counted against MAX_CONDITIONS (an event's filters each count) and the deepest nesting. */
export function definitionSize(g: Group): { conditions: number; depth: number } {
  let conditions = 0;
  let depth = 0;
  const walk = (c: Condition, level: number) => {
    if (isGroup(c)) {
      depth = Math.max(depth, level);
      for (const child of groupItems(c)) walk(child, level + 1);
    } else conditions += 1 + ('event' in c ? (c.where?.length ?? 0) : 0);
  };
  walk(g, 1);
  return { conditions, depth };
}

export const SegmentDefinitionSchema: v.GenericSchema<unknown, SegmentDefinition> = v.pipe(
  v.lazy((input) => (isObject(input) && 'any' in input ? AnySchema : AllSchema)) as v.GenericSchema<unknown, Group>,
  v.check(
    (g) => definitionSize(g).conditions <= MAX_CONDITIONS,
    `must have at most ${MAX_CONDITIONS} conditions (an event's filters count)`,
  ),
  v.check((g) => definitionSize(g).depth <= MAX_DEPTH, `must nest groups at most ${MAX_DEPTH} levels deep`),
);
