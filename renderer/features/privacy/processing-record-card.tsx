import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeEditor } from '../../components/code/code-editor.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { downloadText } from '../../hooks/download.ts';
import { useQuery } from '../../hooks/use-query.ts';

/** Art. 30: what Dihya itself processes, generated from what this installation actually stores. */
export function ProcessingRecordCard(): ReactNode {
  const { t } = useTranslation();
  const record = useQuery('gdpr.processingRecord', {}, { refreshOn: ['gdpr.erased', 'gdpr.retentionChanged', 'backup.restored'] });
  return (
    <section className="card" aria-labelledby="processing-record-title">
      <div className="section-header">
        <h2 id="processing-record-title" className="card__title">
          {t('privacy.record.title')}
        </h2>
        <button type="button" className="button button--small" disabled={!record.data} onClick={() => record.data && downloadText('dihya-record-of-processing.md', record.data.markdown, 'text/markdown')}>
          {t('privacy.record.download')}
        </button>
      </div>
      <p className="muted">{t('privacy.record.body')}</p>
      {record.error ? <ErrorAlert error={record.error} /> : null}
      {record.data ? <CodeEditor value={record.data.markdown} language="markdown" label={t('privacy.record.title')} className="code-editor--preview" /> : null}
    </section>
  );
}
