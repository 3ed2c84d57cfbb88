import { useState, type ReactNode } from 'react';
import type { AppError, GdprExportResult } from '../../../core/api/index.ts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useDihya } from '../../hooks/dihya-context.tsx';
import { downloadBlob } from '../../hooks/download.ts';
import { toAppError } from '../../hooks/to-app-error.ts';
import { useCommand } from '../../hooks/use-command.ts';
import { useFormatters } from '../../hooks/use-formatters.ts';

/**
 * Art. 15 and 20: every personal datum Dihya holds, as a zip with a README and a manifest. The
 * core writes it into the data folder and the card shows where; in serve mode, where the browser
 * may be on another machine than the node, the zip can also be downloaded.
 */
export function ExportCard(): ReactNode {
  const { t } = useTranslation();
  const format = useFormatters();
  const exporter = useCommand('gdpr.export');
  const { client } = useDihya();
  const [result, setResult] = useState<GdprExportResult | undefined>(undefined);
  const [download, setDownload] = useState<{ pending: boolean; error?: AppError }>({ pending: false });
  const fileName = result?.path.split(/[\\/]/).at(-1);

  async function downloadExport(name: string): Promise<void> {
    if (client.download === undefined) return;
    setDownload({ pending: true });
    try {
      downloadBlob(name, await client.download({ area: 'exports', name }));
      setDownload({ pending: false });
    } catch (error) {
      setDownload({ pending: false, error: toAppError(error) });
    }
  }

  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title" className="card__title">
        {t('privacy.export.title')}
      </h2>
      <p className="muted">{t('privacy.export.body')}</p>
      <div className="form-actions">
        <button type="button" className="button button--primary" disabled={exporter.pending} onClick={() => {
            setResult(undefined);
            setDownload({ pending: false });
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
          {client.download && fileName ? (
            <div className="form-actions">
              <button type="button" className="button" disabled={download.pending} onClick={() => void downloadExport(fileName)}>
                {download.pending ? t('privacy.export.downloading') : t('privacy.export.download')}
              </button>
            </div>
          ) : null}
          {download.error ? <ErrorAlert error={download.error} /> : null}
        </div>
      ) : null}
    </section>
  );
}
