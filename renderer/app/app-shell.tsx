import { Suspense, type ReactNode } from 'react';
import { LoadingState } from '../components/loading-state.tsx';
import { useTranslation } from 'react-i18next';
import { NavigationProvider, useNavigation } from './navigation.tsx';
import { PAGES } from './pages.tsx';
import { Sidebar } from './sidebar.tsx';

function CurrentPage(): ReactNode {
  const { t } = useTranslation();
  const { route, navigate } = useNavigation();
  const page = PAGES.find((p) => p.id === route.page) ?? PAGES[0];
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Sidebar current={page?.id ?? 'projects'} onNavigate={(id) => navigate(id)} />
      <main id="main" className="app-shell__main">
        {/* key: each page mounts fresh, so its heading takes focus and its state starts clean. */}
        <div key={page?.id} className="app-shell__page">
          <Suspense fallback={<LoadingState label={t('common.loading')} />}>{page?.render()}</Suspense>
        </div>
      </main>
    </>
  );
}

export function AppShell(): ReactNode {
  return (
    <div className="app-shell">
      <NavigationProvider>
        <CurrentPage />
      </NavigationProvider>
    </div>
  );
}
