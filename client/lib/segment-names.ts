/**
 * The built-in example segments' names in the console's language (the API names them in
 * English; a brand's own segments keep the name the marketer gave them).
 */
import type { Segment } from '../../schemas/segments-api';
import { translator } from './i18n';

const en = {
  'builtin-vip': 'VIP',
  'builtin-new-customers': 'New customers',
  'builtin-big-baskets': 'Big baskets',
  'builtin-rcs-capable': 'RCS-capable',
} as const;
type BuiltinId = keyof typeof en;
const fr: Record<BuiltinId, string> = {
  'builtin-vip': 'VIP',
  'builtin-new-customers': 'Nouveaux clients',
  'builtin-big-baskets': 'Gros paniers',
  'builtin-rcs-capable': 'Compatibles RCS',
};
const t = translator<BuiltinId>({ en, fr });

export const segmentName = (s: Pick<Segment, 'id' | 'name' | 'builtin'>): string =>
  s.builtin && s.id in en ? t(s.id as BuiltinId) : s.name;
