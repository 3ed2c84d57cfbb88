import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../core/api/index.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { SearchIcon } from '../../components/icons.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useDebouncedValue } from '../../hooks/use-debounced-value.ts';
import { useFormatters } from '../../hooks/use-formatters.ts';
import { useQuery } from '../../hooks/use-query.ts';

const PAGE = 50;
const REFRESH_ON = ['project.created', 'project.updated', 'project.deleted', 'gdpr.erased', 'gdpr.retentionChanged', 'backup.created', 'backup.restored', 'job.run.finished', 'publication.recorded', 'generation.finished'] as const;

function Details(props: { entry: AuditEntry }): ReactNode {
  const { t } = useTranslation();
  if (props.entry.redacted) return <span className="muted">{t('privacy.log.redacted')}</span>;
  const text = Object.entries(props.entry.details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');
  return (
    <span className="audit-details" dir="ltr" title={text}>
      {text}
    </span>
  );
}

/** The audit log, newest first: filter by action, search in action, subject and details. */
export function AuditLog(): ReactNode {
  const { t } = useTranslation();
  const format = useFormatters();
  const [search, setSearch] = useState('');
  const [action, setAction] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const id = useId();
  const settled = useDebouncedValue(search.trim(), 250);
  const actions = useQuery('audit.actions', {}, { refreshOn: REFRESH_ON });
  const log = useQuery('audit.list', { limit, ...(settled ? { search: settled } : {}), ...(action ? { action } : {}) }, { refreshOn: REFRESH_ON });
  const items = log.data?.items ?? [];
  const total = log.data?.total ?? 0;

  return (
    <section className="stack stack--tight" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        {t('privacy.log.title')}
      </h2>
      <div className="toolbar">
        <div className="search">
          <label htmlFor={`${id}-search`} className="visually-hidden">
            {t('privacy.log.search')}
          </label>
          <SearchIcon className="search__icon" />
          <input
            id={`${id}-search`}
            className="input search__input"
            type="search"
            placeholder={t('privacy.log.searchPlaceholder')}
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              setLimit(PAGE);
            }}
          />
        </div>
        <label className="field field--inline">
          <span className="field__label">{t('privacy.log.action')}</span>
          <select
            className="input select"
            value={action}
            onChange={(event) => {
              setAction(event.target.value);
              setLimit(PAGE);
            }}
          >
            <option value="">{t('privacy.log.allActions')}</option>
            {(actions.data?.actions ?? []).map((a) => (
              <option key={a.action} value={a.action}>
                {a.action} ({format.number(a.count)})
              </option>
            ))}
          </select>
        </label>
        <p className="toolbar__meta" aria-live="polite">
          {log.loading ? <span className="spinner spinner--small" aria-hidden="true" /> : null}
          {log.loaded ? t('privacy.log.count', { shown: format.number(items.length), total: format.number(total) }) : null}
        </p>
      </div>
      {log.error ? <ErrorAlert error={log.error} /> : null}
      {!log.loaded && log.loading ? <LoadingState label={t('common.loading')} /> : null}
      {log.loaded && items.length === 0 ? <p className="muted">{t('privacy.log.empty')}</p> : null}
      {items.length > 0 ? (
        <div className="table-card">
          <table className="table table--compact">
            <caption className="visually-hidden">{t('privacy.log.title')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('privacy.log.when')}</th>
                <th scope="col">{t('privacy.log.action')}</th>
                <th scope="col">{t('privacy.log.actor')}</th>
                <th scope="col">{t('privacy.log.subject')}</th>
                <th scope="col">{t('privacy.log.details')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <tr key={entry.seq}>
                  <td className="numeric muted">{entry.seq}</td>
                  <td className="numeric">
                    <time dateTime={entry.at}>{format.date(entry.at)}</time>
                  </td>
                  <td>
                    <code dir="ltr">{entry.action}</code>
                  </td>
                  <td>{entry.actor}</td>
                  <td className="audit-subject">
                    <span dir="ltr">{entry.subject ?? '—'}</span>
                  </td>
                  <td className="audit-details-cell">
                    <Details entry={entry} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {items.length < total ? (
        <div className="list-footer">
          <button type="button" className="button" disabled={log.loading} onClick={() => setLimit((n) => n + PAGE)}>
            {t('privacy.log.more')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
