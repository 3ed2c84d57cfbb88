import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Explanation } from '../../../core/api/index.ts';
import { useFormatters } from '../../hooks/use-formatters.ts';

/** "understood · 90 %" or "suggested · 40 %", and the line it came from; "edited" once the user changed it. */
export function SourceBadge(props: { source: Explanation | undefined; edited?: boolean }): ReactNode {
  const { t } = useTranslation();
  const format = useFormatters();
  const { source, edited } = props;
  if (edited) return <span className="source-badge source-badge--edited">{t('spec.status.edited')}</span>;
  if (source === undefined) return null;
  const line = source.source?.line;
  return (
    <span className="source-meta">
      <span className={`source-badge source-badge--${source.status}`} title={source.reason}>
        {t(`spec.status.${source.status}`)} · {format.percent(source.confidence)}
      </span>
      {line !== undefined ? <span className="source-line-ref">{t('spec.lineRef', { line: format.number(line) })}</span> : null}
    </span>
  );
}
