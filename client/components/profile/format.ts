/**
 * A profile's properties and events as an agent reads them: names in their language, Yes/No for
 * booleans, amounts in the brand's currency (an order's own currency when it names one), dates.
 */
import { fullTime, type Key, lang, t } from '../../lib/i18n';
import { brandCurrency } from '../../state/brand';

/** Names that hold an amount of money ("total_spent", "average_basket", "ltv"…). */
const MONEY = /(^|_)(total|spent|amount|value|price|revenue|ltv|basket|cart|aov|spend)(_|$)/;

const NAMES: Record<string, Key> = {
  vip: 'prop.vip',
  average_basket: 'prop.average_basket',
  preferred_category: 'prop.preferred_category',
  total_spent: 'prop.total_spent',
  orders_count: 'prop.orders_count',
  last_order_at: 'prop.last_order_at',
  city: 'prop.city',
  tier: 'prop.tier',
};

export function money(value: number, currency?: unknown): string {
  const code = typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : brandCurrency();
  try {
    return new Intl.NumberFormat(lang.value, { style: 'currency', currency: code }).format(value);
  } catch {
    return String(value);
  }
}

export function propName(key: string): string {
  const k = NAMES[key];
  if (k) return t(k);
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function propValue(key: string, v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (typeof v === 'number') return MONEY.test(key) ? money(v) : v.toLocaleString(lang.value);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) && !Number.isNaN(Date.parse(v))) return fullTime(v);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))
    return new Date(`${v}T12:00:00`).toLocaleDateString(lang.value, { dateStyle: 'medium' });
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
