import type { QueryState } from '../../hooks/use-query.ts';
import { useQuery } from '../../hooks/use-query.ts';

const BACKUP_EVENTS = ['backup.created', 'backup.verified', 'backup.deleted', 'backup.restored'] as const;

/** The backups of the configured folder, newest first, kept fresh by backup events (a scheduled job, the CLI…). */
export function useBackups(): QueryState<'backup.list'> {
  return useQuery('backup.list', {}, { refreshOn: BACKUP_EVENTS });
}

export function useBackupSettings(): QueryState<'backup.settings.get'> {
  return useQuery('backup.settings.get', {}, { refreshOn: ['backup.restored'] });
}
