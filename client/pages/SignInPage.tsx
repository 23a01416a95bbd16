/** Sign-in: email + password, the server's refusal shown as a sentence (wrong password, rate limited). */
import { useSignal } from '@preact/signals';
import { ApiError } from '../lib/api';
import { t } from '../lib/i18n';
import { signIn } from '../lib/session';
import { LangSwitch } from '../components/shell/LangSwitch';

export function SignInPage() {
  const email = useSignal('');
  const password = useSignal('');
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    busy.value = true;
    error.value = null;
    try {
      await signIn(email.value.trim(), password.value);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) error.value = t('signin.invalid');
      else if (err instanceof ApiError && err.status === 429) error.value = t('signin.limited');
      else error.value = err instanceof Error && err.message !== 'network' ? err.message : t('common.error');
    } finally {
      busy.value = false;
    }
  };

  return (
    <main class="signin">
      <form class="signin-card" onSubmit={submit} aria-labelledby="signin-title">
        <div class="brand-mark" aria-hidden="true">
          R
        </div>
        <h1 id="signin-title">{t('signin.title')}</h1>
        <label class="field">
          <span>{t('signin.email')}</span>
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email.value}
            onInput={(e) => (email.value = e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>{t('signin.password')}</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password.value}
            onInput={(e) => (password.value = e.currentTarget.value)}
          />
        </label>
        {error.value && (
          <p class="form-error" role="alert">
            {error.value}
          </p>
        )}
        <button class="btn btn-primary btn-block" type="submit" disabled={busy.value}>
          {t('signin.submit')}
        </button>
        <div class="signin-foot">
          <LangSwitch />
        </div>
      </form>
    </main>
  );
}
