import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Publication } from '../../../core/api/index.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { copyText } from '../../hooks/download.ts';
import { useFormatters } from '../../hooks/use-formatters.ts';
import { useQuery } from '../../hooks/use-query.ts';

/** An SVG string as an <img> source: CSP allows data: images, and an <img> runs no script from it. */
function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** One publication: its CID, the links to share (with the configured gateway), pin state and a QR code. */
export function PublicationCard(props: { publication: Publication; unchanged?: boolean; onNotice(message: string): void }): ReactNode {
  const { t } = useTranslation();
  const format = useFormatters();
  const { publication } = props;
  const link = useQuery('publish.link', { cid: publication.cid }, { refreshOn: ['publication.recorded'] });
  const gatewayUrl = link.data?.gatewayUrl ?? publication.gatewayUrl;
  return (
    <section className="card publication" aria-labelledby="publication-title">
      <div className="publication__main">
        <h2 id="publication-title" className="card__title">
          {t('publish.result.title')}
        </h2>
        {props.unchanged ? <p className="field__hint">{t('publish.result.unchanged')}</p> : null}
        <dl className="facts">
          <div className="facts__row">
            <dt>{t('publish.result.cid')}</dt>
            <dd className="publication__cid">
              <code dir="ltr" data-testid="cid">
                {publication.cid}
              </code>
              <button type="button" className="button button--small button--ghost" onClick={() => void copyText(publication.cid).then((ok) => props.onNotice(ok ? t('publish.result.copied') : t('publish.result.copyFailed')))}>
                {t('publish.result.copy')}
              </button>
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('publish.result.gateway')}</dt>
            <dd>
              <a href={gatewayUrl} target="_blank" rel="noopener noreferrer" className="path" dir="ltr">
                {gatewayUrl}
              </a>
            </dd>
          </div>
          {link.data ? (
            <div className="facts__row">
              <dt>{t('publish.result.ipfs')}</dt>
              <dd>
                <a href={link.data.ipfsUrl} className="path" dir="ltr">
                  {link.data.ipfsUrl}
                </a>
              </dd>
            </div>
          ) : null}
          <div className="facts__row">
            <dt>{t('publish.result.pin')}</dt>
            <dd>
              <span className={publication.pinned ? 'status-pill status-pill--ok' : 'status-pill status-pill--warning'}>{publication.pinned ? t('publish.pinned') : t('publish.notPinned')}</span>
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('publish.result.content')}</dt>
            <dd>
              {t('publish.result.contentValue', { files: format.number(publication.fileCount), size: format.bytes(publication.sizeBytes), profile: publication.profile })}
              {publication.hasLock ? ` · ${t('publish.result.withLock')}` : ''}
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('publish.result.when')}</dt>
            <dd>
              <time dateTime={publication.publishedAt}>{format.date(publication.publishedAt)}</time>
            </dd>
          </div>
        </dl>
        {link.error ? <ErrorAlert error={link.error} /> : null}
      </div>
      {link.data ? (
        <figure className="publication__qr">
          <img src={svgDataUrl(link.data.qrSvg)} width={168} height={168} alt={t('publish.result.qrAlt', { url: gatewayUrl })} />
          <figcaption className="field__hint">{t('publish.result.qrCaption')}</figcaption>
        </figure>
      ) : null}
    </section>
  );
}
