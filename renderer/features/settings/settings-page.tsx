import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { AboutCard } from './about-card.tsx';
import { LanguageCard } from './language-card.tsx';

export function SettingsPage(): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <div className="stack">
        <LanguageCard />
        <AboutCard />
      </div>
    </div>
  );
}
