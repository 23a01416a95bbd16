/** The brand as the console shows it (name, colours, the currency of amounts), read once per sign-in. */
import { effect, signal } from '@preact/signals';
import { type BrandView, BrandViewSchema } from '../../schemas/settings';
import { call } from '../lib/api';
import { user } from '../lib/auth-state';

export const brand = signal<BrandView | null>(null);

effect(() => {
  if (!user.value) return;
  call(BrandViewSchema, 'GET', '/api/brand')
    .then((b) => (brand.value = b))
    .catch(() => {});
});

/** The currency amounts are shown in (an order's own currency wins when it has one). */
export const brandCurrency = (): string => brand.value?.currency ?? 'EUR';
