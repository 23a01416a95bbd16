/**
 * The shell: ErrorBoundary > session gate > router. Only the inbox ships in the first load;
 * the simulator, admin and results pages (with their charting library) are separate chunks
 * fetched on first visit.
 */
import { useEffect } from 'preact/hooks';
import { user } from './lib/auth-state';
import { lazy } from './lib/lazy';
import { match, navigate, path } from './lib/router';
import { t } from './lib/i18n';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Shell } from './components/shell/Shell';
import { SignInPage } from './pages/SignInPage';
import { InboxPage } from './pages/InboxPage';

const SimulatorPage = lazy(() => import('./pages/SimulatorPage'));
const UsersPage = lazy(() => import('./pages/UsersPage'));
const SettingsPage = lazy(() => import('./pages/SettingsPage'));
const ApiKeysPage = lazy(() => import('./pages/ApiKeysPage'));
const CannedResponsesPage = lazy(() => import('./pages/CannedResponsesPage'));
const SegmentsPage = lazy(() => import('./pages/SegmentsPage'));
const CampaignsPage = lazy(() => import('./pages/CampaignsPage'));
const CampaignBuilderPage = lazy(() => import('./pages/CampaignBuilderPage'));
const CampaignDetailPage = lazy(() => import('./pages/CampaignDetailPage'));
const FlowsPage = lazy(() => import('./pages/FlowsPage'));
const DashboardPage = lazy(() => import('./pages/DashboardPage'));
const SourceReportPage = lazy(() => import('./pages/SourceReportPage'));

function Routes() {
  const p = path.value;
  // Marketers land on their dashboard; agents and admins on the inbox.
  if (p === '/' && user.value?.role === 'marketer') return <DashboardPage />;
  if (p === '/' || p === '/inbox') return <InboxPage phone={null} />;
  if (p === '/results') return <DashboardPage />;
  const report = match('/results/:sourceId', p);
  if (report) return <SourceReportPage sourceId={report.sourceId!} />;
  const inbox = match('/inbox/:phone', p);
  if (inbox) return <InboxPage phone={inbox.phone!} />;
  if (p === '/simulator') return <SimulatorPage phone={null} />;
  const sim = match('/simulator/:phone', p);
  if (sim) return <SimulatorPage phone={sim.phone!} />;
  if (p === '/users') return <UsersPage />;
  if (p === '/settings') return <SettingsPage />;
  if (p === '/api-keys') return <ApiKeysPage />;
  if (p === '/canned-responses') return <CannedResponsesPage />;
  if (p === '/segments') return <SegmentsPage />;
  if (p === '/campaigns') return <CampaignsPage />;
  if (p === '/campaigns/new') return <CampaignBuilderPage />;
  const campaign = match('/campaigns/:id', p);
  if (campaign) return <CampaignDetailPage id={campaign.id!} />;
  if (p === '/flows') return <FlowsPage />;
  return <div class="page-empty">{t('notFound')}</div>;
}

function Gate() {
  const u = user.value;
  const onLogin = path.value === '/login';
  useEffect(() => {
    if (u === null && !onLogin) navigate(`/login?next=${encodeURIComponent(location.pathname)}`, true);
    if (u && onLogin) navigate(new URLSearchParams(location.search).get('next') || (u.role === 'marketer' ? '/results' : '/inbox'), true);
  }, [u, onLogin]);
  if (u === undefined) return <div class="page-loading" aria-busy="true" />;
  if (u === null) return <SignInPage />;
  return (
    <Shell>
      <Routes />
    </Shell>
  );
}

export function App() {
  return (
    <ErrorBoundary>
      <Gate />
    </ErrorBoundary>
  );
}
