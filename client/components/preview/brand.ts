/** How the brand shows on a customer's phone (`GET /api/brand`), loaded once for every preview. */
import { signal } from '@preact/signals';
import { api } from '../../lib/api';
import type { Brand } from '../simulator/PhoneScreen';

export const previewBrand = signal<Brand | null>(null);
let asked = false;

export function loadPreviewBrand(): void {
  if (asked) return;
  asked = true;
  api<Brand>('GET', '/api/brand').then(
    (b) => (previewBrand.value = b),
    () => (asked = false),
  );
}
