/** The outermost shell: a render error shows a calm message and a reload button, not a blank page. */
import { Component, type ComponentChildren } from 'preact';
import { t } from '../lib/i18n';

export class ErrorBoundary extends Component<{ children: ComponentChildren }, { error: unknown }> {
  override state = { error: null as unknown };
  static override getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override componentDidCatch(error: unknown) {
    console.error(error);
  }
  override render() {
    if (this.state.error)
      return (
        <div class="fatal" role="alert">
          <h1>{t('error.title')}</h1>
          <p class="muted">{this.state.error instanceof Error ? this.state.error.message : String(this.state.error)}</p>
          <button type="button" class="btn btn-primary" onClick={() => location.reload()}>
            {t('error.reload')}
          </button>
        </div>
      );
    return this.props.children;
  }
}
