/** How the brand shows on a customer's phone (`GET /api/brand`), loaded once for every preview. */
import { signal } from '@preact/signals';
import { type BrandView, BrandViewSchema } from '../../../schemas/settings';
import { call } from '../../lib/api';

export const previewBrand = signal<BrandView | null>(null);
let asked = false;

export function loadPreviewBrand(): void {
  if (asked) return;
  asked = true;
  call(BrandViewSchema, 'GET', '/api/brand').then(
    (b) => (previewBrand.value = b),
    () => (asked = false),
  );
}
