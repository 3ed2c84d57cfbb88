import { useTranslation } from 'react-i18next';
import type { EntityMeta } from '../shared/entity-meta.ts';

/** Labels from the locale files, falling back to the names in the model. */
export function useLabels() {
  const { t, i18n } = useTranslation();
  return {
    t,
    i18n,
    entity: (meta: EntityMeta) => t(`entities.${meta.name}.label`, { defaultValue: meta.label }),
    plural: (meta: EntityMeta) => t(`entities.${meta.name}.plural`, { defaultValue: meta.pluralLabel }),
    field: (meta: EntityMeta, name: string, fallback: string) => t(`entities.${meta.name}.fields.${name}`, { defaultValue: fallback }),
  };
}
