import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGES, type PageId } from './pages.tsx';
import { Sidebar } from './sidebar.tsx';

export function AppShell(): ReactNode {
  const { t } = useTranslation();
  const [current, setCurrent] = useState<PageId>('projects');
  const page = PAGES.find((p) => p.id === current) ?? PAGES[0];
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Sidebar current={current} onNavigate={setCurrent} />
      <main id="main" className="app-shell__main">
        {/* key: each page mounts fresh, so its heading takes focus and its state starts clean. */}
        <div key={page.id} className="app-shell__page">
          {page.render()}
        </div>
      </main>
    </div>
  );
}
