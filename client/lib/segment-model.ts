/**
 * The segment builder's view of the grammar (schemas/segments.ts): what a new condition of each
 * kind starts as, which operators each field takes, how a typed value becomes JSON, and which
 * of the server's 400 details belong to a condition (`definition.any.1.value`).
 */
import {
  type Condition,
  CONSENT_STATUSES,
  DATE_FIELDS,
  DATE_OPS,
  DAYS_OPS,
  type Group,
  LIST_OPS,
  NUMBER_FIELDS,
  NUMBER_OPS,
  PRESENCE_OPS,
  PROPERTY_PREFIX,
  TEXT_FIELDS,
  TEXT_OPS,
} from '../../schemas/segments';

export type Kind = 'field' | 'property' | 'consent' | 'rcs' | 'event' | 'group';
export const KINDS: readonly Kind[] = ['field', 'property', 'consent', 'rcs', 'event', 'group'];
export type Issue = { path: string; message: string };

/** Directory fields offered in the builder (`country` included: it comes from the phone number). */
export const BUILDER_FIELDS = [...TEXT_FIELDS, ...NUMBER_FIELDS, ...DATE_FIELDS] as const;
export const CONSENT_VALUES = CONSENT_STATUSES;
/** Event names the shop sends most (docs/api.md, "Events"); any other name can be typed. */
export const COMMON_EVENTS = ['Placed Order', 'Viewed Category', 'Viewed Product', 'Started Checkout', 'Fulfilled Order'] as const;

export function kindOf(c: Condition): Kind {
  if ('all' in c || 'any' in c) return 'group';
  if ('field' in c) return c.field.startsWith(PROPERTY_PREFIX) ? 'property' : 'field';
  if ('consent' in c) return 'consent';
  if ('rcs' in c) return 'rcs';
  return 'event';
}

export function newCondition(kind: Kind): Condition {
  switch (kind) {
    case 'field':
      return { field: 'first_name', op: 'equals', value: '' };
    case 'property':
      return { field: 'properties.', op: 'equals', value: '' };
    case 'consent':
      return { consent: 'marketing', op: 'is', value: 'subscribed' };
    case 'rcs':
      return { rcs: 'capable' };
    case 'event':
      return { event: 'Placed Order', op: 'happened', in_last_days: 30 };
    case 'group':
      return { any: [] };
  }
}

const includes = (xs: readonly string[], x: string) => xs.includes(x);

/** The operators of a field, in the order the builder lists them. */
export function opsFor(field: string): readonly string[] {
  if (field.startsWith(PROPERTY_PREFIX)) return [...NUMBER_OPS, 'contains', 'not_contains', 'starts_with', ...PRESENCE_OPS];
  if (field === 'country') return [...LIST_OPS, ...PRESENCE_OPS];
  if (includes(NUMBER_FIELDS, field)) return NUMBER_OPS;
  if (includes(DATE_FIELDS, field)) return [...DAYS_OPS, ...DATE_OPS, ...PRESENCE_OPS];
  return [...TEXT_OPS, ...PRESENCE_OPS];
}

/** How the value of a field with this operator is typed in. */
export type ValueInput = 'none' | 'text' | 'number' | 'days' | 'date' | 'countries' | 'scalar';
export function valueInput(field: string, op: string): ValueInput {
  if (includes(PRESENCE_OPS, op)) return 'none';
  if (includes(LIST_OPS, op)) return 'countries';
  if (includes(DAYS_OPS, op)) return 'days';
  if (includes(DATE_OPS, op)) return 'date';
  if (field.startsWith(PROPERTY_PREFIX))
    return op === 'equals' || op === 'not_equals' ? 'scalar' : includes(NUMBER_OPS, op) ? 'number' : 'text';
  if (includes(NUMBER_FIELDS, field)) return 'number';
  return 'text';
}

/** A typed value as JSON: `true`/`false` and numbers where the input means them (properties). */
export function parseValue(input: ValueInput, raw: string): unknown {
  const s = raw.trim();
  if (input === 'number' || input === 'days') return s === '' || Number.isNaN(Number(s)) ? s : Number(s);
  if (input === 'countries')
    return s
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((c) => c.toUpperCase());
  if (input === 'scalar') {
    if (s === 'true' || s === 'false') return s === 'true';
    if (s !== '' && Number.isFinite(Number(s))) return Number(s);
  }
  return raw;
}

export function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  return value === undefined || value === null ? '' : String(value);
}

/** A field condition moved to another field or operator, keeping the value when it still fits. */
export function retarget(c: { field: string; op: string; value?: unknown }, field: string, op?: string): Condition {
  const ops = opsFor(field);
  const nextOp = op && ops.includes(op) ? op : ops.includes(c.op) ? c.op : ops[0]!;
  const input = valueInput(field, nextOp);
  if (input === 'none') return { field, op: nextOp } as Condition;
  const keep = input === valueInput(c.field, c.op) && c.value !== undefined;
  const fresh = input === 'countries' ? [] : input === 'days' ? 30 : '';
  return { field, op: nextOp, value: keep ? c.value : fresh } as Condition;
}

export const items = (g: Group): Condition[] => ('all' in g ? g.all : g.any);
export const withItems = (g: Group, list: Condition[]): Group => ('all' in g ? { all: list } : { any: list });

/** The server's messages about this condition itself or one of its own keys (not its children's). */
export function issuesAt(issues: readonly Issue[], path: string, group = false): Issue[] {
  return issues.filter((i) => {
    if (i.path === path) return true;
    if (!i.path.startsWith(`${path}.`)) return false;
    const rest = i.path.slice(path.length + 1);
    // A group's children show their own messages; the group shows only those about its list.
    return group ? /^(all|any)$/.test(rest) : true;
  });
}
