import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useAppInfo } from '../../hooks/use-app-info.ts';
import { useDihya } from '../../hooks/dihya-context.tsx';
import { useFormatters } from '../../hooks/use-formatters.ts';

export function AboutCard(): ReactNode {
  const { t } = useTranslation();
  const { transport } = useDihya();
  const format = useFormatters();
  const state = useAppInfo();
  return (
    <section className="card" aria-labelledby="settings-about-title">
      <h2 id="settings-about-title" className="card__title">
        {t('settings.about.title')}
      </h2>
      {state.status === 'loading' ? <LoadingState label={t('settings.about.loading')} /> : null}
      {state.status === 'error' ? <ErrorAlert error={state.error} title={t('settings.about.loadFailed')} /> : null}
      {state.status === 'ready' ? (
        <dl className="facts">
          <div className="facts__row">
            <dt>{t('settings.about.version')}</dt>
            <dd>
              <span dir="ltr">{state.info.version}</span>
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('settings.about.mode')}</dt>
            <dd>{t(`settings.modes.${state.info.mode}`)}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('settings.about.transport')}</dt>
            <dd>{t(`transport.${transport}`)}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('settings.about.dataDir')}</dt>
            <dd>
              <code className="path" dir="ltr">
                {state.info.dataDir}
              </code>
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('settings.about.schemaVersion')}</dt>
            <dd>{format.number(state.info.schemaVersion)}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('settings.about.runtime')}</dt>
            <dd>
              <span dir="ltr">
                Node.js {state.info.runtime.node} · {state.info.runtime.platform} · {state.info.runtime.arch}
              </span>
            </dd>
          </div>
        </dl>
      ) : null}
    </section>
  );
}
