/**
 * The built-in example segments every brand has (docs/api.md, "Segments"): read-only starting
 * points the console offers when a marketer creates a segment. They live in code, not in D1,
 * so a new grammar version updates them with the Worker; test/audience checks each against
 * the grammar.
 */
import type { SegmentDefinition } from '../../schemas/segments';

export interface BuiltinSegment {
  id: string;
  name: string;
  definition: SegmentDefinition;
}

/** Big baskets: an average order above this, in the brand's currency. */
export const BIG_BASKET_THRESHOLD = 150;

export const BUILTIN_SEGMENTS: readonly BuiltinSegment[] = [
  { id: 'builtin-vip', name: 'VIP', definition: { all: [{ field: 'properties.vip', op: 'equals', value: true }] } },
  {
    id: 'builtin-new-customers',
    name: 'New customers',
    definition: { all: [{ field: 'first_order_at', op: 'in_last_days', value: 30 }] },
  },
  {
    id: 'builtin-big-baskets',
    name: 'Big baskets',
    definition: { all: [{ field: 'average_order', op: 'greater_than', value: BIG_BASKET_THRESHOLD }] },
  },
  { id: 'builtin-rcs-capable', name: 'RCS-capable', definition: { all: [{ rcs: 'capable' }] } },
];

export const builtinSegment = (id: string): BuiltinSegment | undefined => BUILTIN_SEGMENTS.find((s) => s.id === id);
