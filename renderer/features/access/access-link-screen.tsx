import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DihyaMark, KeyIcon } from '../../components/icons.tsx';
import { LanguageSelect } from '../../components/language-select.tsx';

export type AccessProblem = 'missing' | 'expired';

/** Shown instead of the app when serve mode has no valid token: says exactly how to get in. */
export function AccessLinkScreen(props: { problem: AccessProblem; origin: string }): ReactNode {
  const { t } = useTranslation();
  const expired = props.problem === 'expired';
  return (
    <main className="access-screen">
      <div className="access-screen__card">
        <div className="access-screen__brand">
          <DihyaMark />
          <span>{t('app.name')}</span>
        </div>
        <div className="access-screen__icon">
          <KeyIcon width={26} height={26} />
        </div>
        <h1 className="access-screen__title">{expired ? t('access.expiredTitle') : t('access.missingTitle')}</h1>
        <p className="access-screen__lead">{expired ? t('access.expiredBody') : t('access.missingBody')}</p>
        <h2 className="access-screen__steps-title">{t('access.stepsTitle')}</h2>
        <ol className="access-screen__steps">
          <li>
            <p>{t('access.step1')}</p>
            <pre className="command" dir="ltr">
              <code>dihya serve</code>
            </pre>
          </li>
          <li>
            <p>{t('access.step2')}</p>
            <pre className="command command--muted" dir="ltr">
              <code>Dihya is serving at {props.origin}/#token=…</code>
            </pre>
          </li>
          <li>
            <p>{t('access.step3')}</p>
          </li>
        </ol>
        <div className="access-screen__footer">
          <LanguageSelect label={t('settings.language.label')} compact />
        </div>
      </div>
    </main>
  );
}
