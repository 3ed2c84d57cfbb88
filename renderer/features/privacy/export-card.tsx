import { useState, type ReactNode } from 'react';
import type { GdprExportResult } from '../../../core/api/index.ts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useCommand } from '../../hooks/use-command.ts';
import { useFormatters } from '../../hooks/use-formatters.ts';

/**
 * Art. 15 and 20: every personal datum Dihya holds, as a zip with a README and a manifest. The
 * core writes it into the data folder (serve mode cannot choose a path on the server, and no
 * command streams the file back), so the card shows where it is.
 */
export function ExportCard(): ReactNode {
  const { t } = useTranslation();
  const format = useFormatters();
  const exporter = useCommand('gdpr.export');
  const [result, setResult] = useState<GdprExportResult | undefined>(undefined);
  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title" className="card__title">
        {t('privacy.export.title')}
      </h2>
      <p className="muted">{t('privacy.export.body')}</p>
      <div className="form-actions">
        <button type="button" className="button button--primary" disabled={exporter.pending} onClick={() => {
            setResult(undefined);
            void exporter.run({}).then((r) => r && setResult(r));
          }}>
          {exporter.pending ? t('privacy.export.running') : t('privacy.export.action')}
        </button>
      </div>
      {exporter.error ? <ErrorAlert error={exporter.error} /> : null}
      {result ? (
        <div className="export-result" role="status">
          <p>{t('privacy.export.done', { files: format.number(result.files), size: format.bytes(result.bytes) })}</p>
          <dl className="facts">
            <div className="facts__row">
              <dt>{t('privacy.export.where')}</dt>
              <dd>
                <code className="path" dir="ltr" data-testid="export-path">
                  {result.path}
                </code>
              </dd>
            </div>
            <div className="facts__row">
              <dt>{t('privacy.export.sha256')}</dt>
              <dd>
                <code className="path" dir="ltr">
                  {result.sha256}
                </code>
              </dd>
            </div>
            <div className="facts__row">
              <dt>{t('privacy.export.tables')}</dt>
              <dd>{result.tables.map((table) => `${table.table} (${format.number(table.rows)})`).join(', ')}</dd>
            </div>
          </dl>
        </div>
      ) : null}
    </section>
  );
}
