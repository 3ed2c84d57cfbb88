import type { TFunction } from 'i18next';

export function formatValue(value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === '') return t('ui.none');
  if (typeof value === 'boolean') return value ? t('ui.yes') : t('ui.no');
  return String(value);
}
