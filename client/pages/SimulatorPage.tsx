/**
 * /simulator: the sandbox network's phones; pick one to see (and, as an agent or admin, act
 * as) that customer. Marketers see the phones read-only: the server refuses their actions.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { BrandViewSchema, type BrandView } from '../../schemas/settings';
import { SANDBOX_MODES, type SandboxMode, type SimulatedPhone, SimulatedPhoneListSchema } from '../../schemas/simulator';
import { api, ApiError, call, enc } from '../lib/api';
import { canWrite } from '../lib/auth-state';
import { Icon } from '../components/Icon';
import { t } from '../lib/i18n';
import { PhoneScreen } from '../components/simulator/PhoneScreen';

export default function SimulatorPage({ phone }: { phone: string | null }) {
  const phones = useSignal<SimulatedPhone[] | null>(null);
  const brand = useSignal<BrandView | null>(null);
  const error = useSignal<string | null>(null);
  const load = () =>
    call(SimulatedPhoneListSchema, 'GET', '/api/simulator/phones')
      .then((p) => (phones.value = p.phones))
      .catch((e: unknown) => (error.value = e instanceof ApiError ? e.message : t('common.error')));
  useEffect(() => {
    void load();
    void call(BrandViewSchema, 'GET', '/api/brand')
      .then((b) => (brand.value = b))
      .catch(() => {});
    const timer = setInterval(() => void load(), 5000);
    return () => clearInterval(timer);
  }, []);
  const setMode = async (p: string, mode: SandboxMode) => {
    phones.value = (phones.value ?? []).map((x) => (x.phone === p ? { ...x, mode } : x));
    try {
      await api('PUT', `/api/simulator/phones/${enc(p)}`, { mode });
    } catch (e) {
      error.value = e instanceof ApiError ? e.message : t('common.error');
      void load();
    }
  };
  const current = phones.value?.find((p) => p.phone === phone);
  return (
    <div class={phone ? 'simulator has-phone' : 'simulator'}>
      <section class="pane pane-list" aria-label={t('sim.phones')}>
        <header class="pane-head">
          <h1>{t('sim.title')}</h1>
        </header>
        {error.value && (
          <p class="form-error" role="alert">
            {error.value}
          </p>
        )}
        {!canWrite.value && <p class="list-note">{t('sim.readOnly')}</p>}
        {phones.value?.length === 0 && <p class="list-note">{t('sim.none')}</p>}
        <ul class="sim-list">
          {phones.value?.map((p) => (
            <li key={p.phone} class={p.phone === phone ? 'active' : ''}>
              <a href={`/simulator/${encodeURIComponent(p.phone)}`} aria-current={p.phone === phone ? 'true' : undefined}>
                <strong>{p.name ?? p.phone}</strong>
                <span class="muted small">{p.phone}</span>
              </a>
              <select
                aria-label={`${t('sim.mode')} ${p.name ?? p.phone}`}
                value={p.mode}
                disabled={!canWrite.value}
                onChange={(e) => void setMode(p.phone, e.currentTarget.value as SandboxMode)}
              >
                {SANDBOX_MODES.map((m) => (
                  <option key={m} value={m}>
                    {t(`sim.mode.${m}`)}
                  </option>
                ))}
              </select>
            </li>
          ))}
        </ul>
      </section>
      <section class="sim-stage">
        <a class="btn sim-back" href="/simulator">
          <Icon name="left" size={14} /> {t('sim.back')}
        </a>
        {phone ? (
          <PhoneScreen
            key={phone}
            phone={phone}
            name={current?.name ?? null}
            mode={current?.mode ?? 'rcs'}
            brand={brand.value}
            readOnly={!canWrite.value}
          />
        ) : (
          <div class="empty-state">
            <p class="muted">{t('sim.pick')}</p>
          </div>
        )}
      </section>
    </div>
  );
}
