import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AlertIcon, CheckIcon } from '../../components/icons.tsx';
import { useFormatters } from '../../hooks/use-formatters.ts';
import { useQuery } from '../../hooks/use-query.ts';

/** Whether the audit chain holds (every entry hashes into the next, and the recorded head matches). */
export function ChainStatus(): ReactNode {
  const { t } = useTranslation();
  const format = useFormatters();
  const verify = useQuery('audit.verify', {}, { refreshOn: ['gdpr.erased', 'backup.restored'] });
  const result = verify.data;
  return (
    <section className="card chain-status" aria-labelledby="chain-status-title">
      <div className="section-header">
        <h2 id="chain-status-title" className="card__title">
          {t('privacy.chain.title')}
        </h2>
        <button type="button" className="button button--small" disabled={verify.loading} onClick={verify.refresh}>
          {verify.loading ? t('privacy.chain.verifying') : t('privacy.chain.verify')}
        </button>
      </div>
      {verify.error ? <ErrorAlert error={verify.error} /> : null}
      {result ? (
        <div className={result.ok ? 'chain-status__verdict chain-status__verdict--ok' : 'chain-status__verdict chain-status__verdict--bad'} role="status">
          {result.ok ? <CheckIcon /> : <AlertIcon />}
          <div>
            <p className="chain-status__headline">{result.ok ? t('privacy.chain.ok') : t('privacy.chain.broken')}</p>
            <p className="muted">
              {t('privacy.chain.facts', { entries: format.number(result.entries), anchor: t(`privacy.chain.anchor.${result.anchor.state}`), date: format.date(result.checkedAt) })}
              {result.redactedEntries > 0 ? ` ${t('privacy.chain.redacted', { count: format.number(result.redactedEntries) })}` : ''}
            </p>
            {result.problem ? (
              <p className="chain-status__problem" dir="auto">
                {t('privacy.chain.problem', { seq: result.problem.seq, reason: t(`privacy.chain.reasons.${result.problem.reason}`) })} {result.problem.message}
              </p>
            ) : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}
