/** The message on an RCS phone: the verified brand header and the rich content, as rendered. */
import { useEffect } from 'preact/hooks';
import type { Content } from '../../../schemas/content';
import { t } from '../../lib/i18n';
import { isMediaUrl } from '../../lib/safe';
import { Icon } from '../Icon';
import { RichContent } from '../message/RichContent';
import { loadPreviewBrand, previewBrand } from './brand';

export function RcsPreview({ content }: { content: Content | null }) {
  useEffect(loadPreviewBrand, []);
  const brand = previewBrand.value;
  const color = brand?.color && /^#[0-9a-f]{3,8}$/i.test(brand.color) ? brand.color : '#4f46e5';
  const name = brand?.name ?? '—';
  return (
    <section class="phone phone-preview" aria-label={t('preview.rcs')} style={{ '--brand': color }}>
      <header class="phone-head phone-head-rcs">
        {brand?.logo_url && (/^\/(?!\/)/.test(brand.logo_url) || isMediaUrl(brand.logo_url)) ? (
          <img class="brand-logo" src={brand.logo_url} alt="" />
        ) : (
          <span class="brand-logo brand-logo-letter">{name.slice(0, 1)}</span>
        )}
        <span class="phone-brand">
          <strong>{name}</strong>
          <span class="verified">
            <Icon name="shield" size={11} /> {t('sim.verified')}
          </span>
        </span>
      </header>
      <div class="phone-screen">
        {content ? (
          <div class="sim-row">
            <div class="sim-rich">
              <RichContent content={content} bubbleClass="sim-bubble sim-them" />
            </div>
          </div>
        ) : (
          <p class="muted small">{t('preview.nothing')}</p>
        )}
      </div>
    </section>
  );
}
