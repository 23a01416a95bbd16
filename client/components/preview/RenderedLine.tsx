/**
 * Under a reply that uses Liquid (`Bonjour {{ first_name }}`): the words as this customer will
 * get them, or the template error, before the agent sends. Nothing for a plain reply.
 */
import { t } from '../../lib/i18n';
import { Icon } from '../Icon';
import { usePreview } from './usePreview';

const MARKUP = /\{\{|\{%/;

export function RenderedLine({ text, phone }: { text: string; phone: string }) {
  const templated = MARKUP.test(text);
  const state = usePreview({ content: templated ? { type: 'text', text } : null, purpose: 'support', phone });
  if (!templated) return null;
  if (state.status === 'invalid')
    return (
      <p class="field-error" role="alert" data-testid="rendered-line">
        <Icon name="alert" size={12} /> {state.issues.map((i) => i.message).join(' · ')}
      </p>
    );
  const content = state.data?.rcs.content;
  return (
    <p class="rendered-line muted small" data-testid="rendered-line">
      {t('preview.sentAs')} <span class="rendered-text">{content?.type === 'text' ? content.text : '…'}</span>
    </p>
  );
}
