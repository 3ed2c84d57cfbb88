import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useTransientMessage } from '../../hooks/use-transient-message.ts';
import { AuditLog } from './audit-log.tsx';
import { ChainStatus } from './chain-status.tsx';
import { ErasureCard } from './erasure-card.tsx';
import { ExportCard } from './export-card.tsx';
import { ProcessingRecordCard } from './processing-record-card.tsx';
import { RetentionCard } from './retention-card.tsx';

export function PrivacyPage(): ReactNode {
  const { t } = useTranslation();
  const [notice, showNotice] = useTransientMessage(10_000);
  return (
    <div className="page">
      <PageHeader title={t('privacy.title')} subtitle={t('privacy.subtitle')} />
      <Notice message={notice} />
      <ChainStatus />
      <div className="card-grid">
        <ExportCard />
        <ErasureCard onErased={showNotice} />
      </div>
      <AuditLog />
      <RetentionCard onNotice={showNotice} />
      <ProcessingRecordCard />
    </div>
  );
}
