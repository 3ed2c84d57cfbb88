import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../../components/language-select.tsx';

export function LanguageCard(): ReactNode {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="settings-language-title">
      <h2 id="settings-language-title" className="card__title">
        {t('settings.language.title')}
      </h2>
      <LanguageSelect label={t('settings.language.label')} hint={t('settings.language.hint')} />
    </section>
  );
}
