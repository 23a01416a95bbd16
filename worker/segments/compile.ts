/**
 * A segment definition (schemas/segments.ts) compiled to one SQL boolean expression over the
 * D1 directory row `p` (profiles) and its events (profile_events). Column names and operators
 * come from fixed tables here, never from the definition; every value is a bound parameter.
 * How each kind of condition is evaluated: docs/api.md, "Segments".
 */
import {
  type Condition,
  type ConsentCondition,
  DATE_FIELDS,
  type EventCondition,
  type FieldCondition,
  groupItems,
  isGroup,
  NUMBER_FIELDS,
  PROPERTY_PREFIX,
  type PropertyCondition,
  type RcsCondition,
  type SegmentDefinition,
  TEXT_FIELDS,
} from '../../schemas/segments';
import { iso } from '../lib/time';

/** D1 refuses a statement with more bound values than this. */
export const D1_MAX_PARAMS = 100;
/** Bound values the callers add around the expression (paging key, limit). */
const CALLER_PARAMS = 4;
const DAY_MS = 86_400_000;

type SqlValue = string | number;

/**
 * The bound values of one statement, as numbered parameters (`?3`): a value used twice (a
 * property's JSON path) is bound once, which keeps the largest definition within D1's limit.
 */
export class Params {
  readonly values: SqlValue[] = [];
  private readonly seen = new Map<string, number>();

  ref(value: SqlValue): string {
    const key = `${typeof value}:${value}`;
    let n = this.seen.get(key);
    if (n === undefined) {
      this.values.push(value);
      n = this.values.length;
      this.seen.set(key, n);
    }
    return `?${n}`;
  }
}

const COMPARE = {
  equals: '=',
  not_equals: '<>',
  greater_than: '>',
  less_than: '<',
  at_least: '>=',
  at_most: '<=',
} as const;
type CompareOp = keyof typeof COMPARE;

/** `x` false or NULL: "not equals" also matches a profile without the value. */
const not = (x: string) => `NOT ifnull(${x}, 0)`;

/** A LIKE pattern matching `s` literally (`%`, `_` and `\` escaped), with `ESCAPE '\'`. */
const likeLiteral = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The directory column of each field: the identifier written in SQL never comes from input. */
const COLUMNS: Record<string, string> = Object.fromEntries([...TEXT_FIELDS, ...NUMBER_FIELDS, ...DATE_FIELDS].map((f) => [f, `p.${f}`]));
const isDateField = (f: string) => (DATE_FIELDS as readonly string[]).includes(f);

type TextOp = 'equals' | 'not_equals' | 'contains' | 'not_contains' | 'starts_with';

/** Text comparisons ignore the case of ASCII letters, like SQLite's LIKE. */
function textTest(col: string, op: TextOp, value: string, ps: Params): string {
  switch (op) {
    case 'equals':
      return `(${col} = ${ps.ref(value)} COLLATE NOCASE)`;
    case 'not_equals':
      return not(`${col} = ${ps.ref(value)} COLLATE NOCASE`);
    case 'contains':
      return `(${col} LIKE ${ps.ref(`%${likeLiteral(value)}%`)} ESCAPE '\\')`;
    case 'not_contains':
      return not(`${col} LIKE ${ps.ref(`%${likeLiteral(value)}%`)} ESCAPE '\\'`);
    case 'starts_with':
      return `(${col} LIKE ${ps.ref(`${likeLiteral(value)}%`)} ESCAPE '\\')`;
  }
}

function field(c: FieldCondition, now: number, ps: Params): string {
  const col = COLUMNS[c.field];
  if (!col) throw new Error(`no directory column for ${c.field}`);
  if (c.op === 'exists') return `(ifnull(${col}, '') <> '')`;
  if (c.op === 'not_exists') return `(ifnull(${col}, '') = '')`;
  if (!('value' in c)) throw new Error(`${c.op} needs a value`);
  if (c.op === 'in' || c.op === 'not_in') {
    const inList = `${col} IN (SELECT value FROM json_each(${ps.ref(JSON.stringify(c.value))}))`;
    return c.op === 'in' ? `(${inList})` : not(inList);
  }
  if (isDateField(c.field)) {
    // Directory times are ISO 8601 UTC strings of one length: they compare as text.
    const value = c.value as string | number;
    switch (c.op) {
      case 'in_last_days':
        return `(${col} >= ${ps.ref(iso(now - Number(value) * DAY_MS))})`;
      case 'more_than_days_ago':
        return `(${col} < ${ps.ref(iso(now - Number(value) * DAY_MS))})`;
      case 'before':
        return `(${col} < ${ps.ref(iso(Date.parse(String(value))))})`;
      default:
        return `(${col} >= ${ps.ref(iso(Date.parse(String(value))))})`;
    }
  }
  if (typeof c.value === 'number') {
    const op = c.op as CompareOp;
    const value = ps.ref(c.value);
    return op === 'not_equals' ? not(`${col} = ${value}`) : `(${col} ${COMPARE[op]} ${value})`;
  }
  return textTest(col, c.op as TextOp, String(c.value), ps);
}

/**
 * A condition on a JSON object column (`p.properties`, an event's `e.properties`). Types are
 * strict: `"200"` is not greater than 100 and `"true"` is not `true`.
 */
export function property(c: PropertyCondition, col: string, ps: Params): string {
  const path = ps.ref(`$."${c.field.slice(PROPERTY_PREFIX.length)}"`);
  const type = `json_type(${col}, ${path})`;
  const value = `json_extract(${col}, ${path})`;
  const isNumber = `${type} IN ('integer', 'real')`;
  const equals = (x: string | number | boolean) => {
    if (typeof x === 'boolean') return `(${type} = '${x ? 'true' : 'false'}')`;
    if (typeof x === 'number') return `(${isNumber} AND ${value} = ${ps.ref(x)})`;
    return `(${type} = 'text' AND ${value} = ${ps.ref(x)} COLLATE NOCASE)`;
  };
  switch (c.op) {
    case 'equals':
      return equals(c.value);
    case 'not_equals':
      return not(equals(c.value));
    case 'greater_than':
    case 'less_than':
    case 'at_least':
    case 'at_most':
      return `(${isNumber} AND ${value} ${COMPARE[c.op]} ${ps.ref(c.value)})`;
    case 'exists':
      return `(ifnull(${type}, 'null') <> 'null')`;
    case 'not_exists':
      return `(ifnull(${type}, 'null') = 'null')`;
    case 'starts_with':
      return `(${type} = 'text' AND ${value} LIKE ${ps.ref(`${likeLiteral(c.value)}%`)} ESCAPE '\\')`;
    default: {
      // A text contains the words; a list (["vip", "newsletter"]) contains the item.
      const contains = `(CASE ${type} WHEN 'text' THEN ${value} LIKE ${ps.ref(`%${likeLiteral(c.value)}%`)} ESCAPE '\\'
        WHEN 'array' THEN EXISTS (SELECT 1 FROM json_each(${col}, ${path}) j WHERE j.type = 'text' AND j.value = ${ps.ref(c.value)} COLLATE NOCASE)
        ELSE 0 END)`;
      return c.op === 'contains' ? contains : not(contains);
    }
  }
}

function consent(c: ConsentCondition, ps: Params): string {
  const col = c.consent === 'marketing' ? 'p.marketing' : 'p.transactional';
  return `(${col} ${c.op === 'is' ? '=' : '<>'} ${ps.ref(c.value)})`;
}

function rcs(c: RcsCondition): string {
  if (c.rcs === 'capable') return '(p.rcs_capable = 1)';
  if (c.rcs === 'not_capable') return '(p.rcs_capable = 0)';
  return '(p.rcs_capable IS NULL)';
}

/**
 * EXISTS / COUNT / SUM over the customer's events of that name: a search of the index
 * `(phone, name, at, value)`, bounded by that customer's events of that name (and window).
 */
function event(c: EventCondition, now: number, ps: Params): string {
  const where = ['e.phone = p.phone', `e.name = ${ps.ref(c.event)}`];
  if (c.in_last_days !== undefined) where.push(`e.at >= ${ps.ref(now - c.in_last_days * DAY_MS)}`);
  for (const w of c.where ?? []) where.push(property(w, 'e.properties', ps));
  const from = `FROM profile_events e WHERE ${where.join(' AND ')}`;
  if (c.op === 'not_happened') return `(NOT EXISTS (SELECT 1 ${from}))`;
  const tests: string[] = [];
  if (c.count) tests.push(`(SELECT count(*) ${from}) ${COMPARE[c.count.op]} ${ps.ref(c.count.value)}`);
  if (c.sum) tests.push(`(SELECT total(e.value) ${from}) ${COMPARE[c.sum.op]} ${ps.ref(c.sum.value)}`);
  if (tests.length === 0) tests.push(`EXISTS (SELECT 1 ${from})`);
  return `(${tests.join(' AND ')})`;
}

export function condition(c: Condition, now: number, ps: Params): string {
  if (isGroup(c)) {
    const parts = groupItems(c).map((child) => condition(child, now, ps));
    // An empty "all" holds for everyone, an empty "any" for no one.
    if ('all' in c) return parts.length ? `(${parts.join(' AND ')})` : '1';
    return parts.length ? `(${parts.join(' OR ')})` : '0';
  }
  if ('field' in c)
    return c.field.startsWith(PROPERTY_PREFIX) ? property(c as PropertyCondition, 'p.properties', ps) : field(c as FieldCondition, now, ps);
  if ('consent' in c) return consent(c, ps);
  if ('rcs' in c) return rcs(c);
  return event(c, now, ps);
}

/**
 * The definition as a WHERE expression on `profiles p`, its values appended to `ps`. Throws
 * when the statement would exceed D1's bound values (the schema's limits keep a valid
 * definition under it).
 */
export function compile(definition: SegmentDefinition, now: number, ps: Params = new Params()): { where: string; params: Params } {
  const where = condition(definition, now, ps);
  if (ps.values.length > D1_MAX_PARAMS - CALLER_PARAMS) throw new Error(`segment definition needs ${ps.values.length} bound values`);
  return { where, params: ps };
}
