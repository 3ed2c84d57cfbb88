import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErasureTarget, GdprErasureReport } from '../../../core/api/index.ts';
import { downloadText } from '../../hooks/download.ts';
import { useFormatters } from '../../hooks/use-formatters.ts';
import { useQuery } from '../../hooks/use-query.ts';
import { EraseDialog } from './erase-dialog.tsx';

const ALL = 'all';

/** Art. 17: erase one project, or everything, with a report of the copies Dihya cannot delete itself. */
export function ErasureCard(props: { onErased(message: string): void }): ReactNode {
  const { t } = useTranslation();
  const format = useFormatters();
  const projects = useQuery('projects.list', { limit: 500 }, { refreshOn: ['project.created', 'project.updated', 'project.deleted', 'gdpr.erased'] });
  const [choice, setChoice] = useState('');
  const [target, setTarget] = useState<ErasureTarget | undefined>(undefined);
  const [report, setReport] = useState<GdprErasureReport | undefined>(undefined);
  const id = useId();
  const items = projects.data?.items ?? [];
  const chosen = choice !== '' && (choice === ALL || items.some((p) => p.id === choice)) ? choice : '';

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">
        {t('privacy.erase.cardTitle')}
      </h2>
      <p className="muted">{t('privacy.erase.cardBody')}</p>
      <div className="inline-form inline-form--start">
        <label className="visually-hidden" htmlFor={`${id}-what`}>
          {t('privacy.erase.what')}
        </label>
        <select id={`${id}-what`} className="input select" value={chosen} onChange={(event) => setChoice(event.target.value)}>
          <option value="">{t('privacy.erase.choose')}</option>
          {items.map((p) => (
            <option key={p.id} value={p.id}>
              {t('privacy.erase.projectOption', { name: p.name })}
            </option>
          ))}
          <option value={ALL}>{t('privacy.erase.everything')}</option>
        </select>
        <button
          type="button"
          className="button button--danger"
          disabled={chosen === ''}
          onClick={() => setTarget(chosen === ALL ? { scope: 'all' } : { scope: 'project', projectId: chosen })}
        >
          {t('privacy.erase.action')}
        </button>
      </div>
      {report ? (
        <div className="export-result" role="status">
          <p>
            {t('privacy.erase.done', {
              rows: format.number(Object.values(report.deletedRows).reduce((a, b) => a + b, 0)),
              files: format.number(report.removedFiles),
              audit: format.number(report.redactedAuditEntries),
            })}
          </p>
          <button type="button" className="button button--small" onClick={() => downloadText(`dihya-erasure-${report.erasureId}.md`, report.report, 'text/markdown')}>
            {t('privacy.erase.downloadReport')}
          </button>
        </div>
      ) : null}
      {target ? (
        <EraseDialog
          target={target}
          label={target.scope === 'all' ? t('privacy.erase.everythingLabel') : t('privacy.erase.projectLabel', { name: items.find((p) => p.id === target.projectId)?.name ?? '' })}
          onCancel={() => setTarget(undefined)}
          onErased={(result) => {
            setTarget(undefined);
            setChoice('');
            setReport(result);
            props.onErased(t('privacy.erase.notice'));
          }}
        />
      ) : null}
    </section>
  );
}
