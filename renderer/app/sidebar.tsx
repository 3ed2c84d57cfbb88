import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DihyaMark } from '../components/icons.tsx';
import { useDihya } from '../hooks/dihya-context.tsx';
import { NotificationCentre } from '../features/notifications/notification-centre.tsx';
import type { PageId } from './navigation.tsx';
import { PAGES, type PageDefinition } from './pages.tsx';

function NavList(props: { pages: readonly PageDefinition[]; current: PageId; onNavigate(id: PageId): void }): ReactNode {
  const { t } = useTranslation();
  return (
    <ul className="nav-list">
      {props.pages.map((page) => (
        <li key={page.id}>
          <button
            type="button"
            className="nav-item"
            aria-current={page.id === props.current ? 'page' : undefined}
            onClick={() => props.onNavigate(page.id)}
          >
            {page.icon}
            <span>{t(`nav.${page.label}`)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function Sidebar(props: { current: PageId; onNavigate(id: PageId): void }): ReactNode {
  const { t } = useTranslation();
  const { transport } = useDihya();
  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        <DihyaMark />
        <div>
          <p className="sidebar__name">{t('app.name')}</p>
          <p className="sidebar__tagline">{t('app.tagline')}</p>
        </div>
      </div>
      <nav className="sidebar__nav" aria-label={t('nav.label')}>
        <NavList pages={PAGES.filter((p) => p.placement === 'main')} current={props.current} onNavigate={props.onNavigate} />
        <div className="sidebar__spacer" />
        <NotificationCentre />
        <NavList pages={PAGES.filter((p) => p.placement === 'footer')} current={props.current} onNavigate={props.onNavigate} />
      </nav>
      <p className="sidebar__status">
        <span className="status-dot" aria-hidden="true" />
        {t(`transport.${transport}`)}
      </p>
    </aside>
  );
}
