import type { FeatureTag, FieldType } from '../../api/project-model.ts';

/**
 * One métier of the domain catalogue. The catalogue is data: the métier-pack issue adds entries
 * (or whole files) without touching the extractor. Keywords are folded (lower case, no accents),
 * singular, and may be several words; their weight says how much a mention points at the domain.
 */
export interface DomainEntry {
  id: string;
  label: { fr: string; en: string };
  keywords: ReadonlyMap<string, number>;
  /** Default entities for thin specs, most central first; also name the domain's usual fields. */
  entities: readonly EntityTemplate[];
  roles: readonly string[];
  features: readonly FeatureTag[];
  /** Entities (folded singular, either language) whose free-text fields are GDPR Art. 9 data. */
  specialEntities?: readonly string[];
}

export interface FieldTemplate {
  fr: string;
  en: string;
  type: FieldType;
}

export interface EntityTemplate {
  fr: string;
  en: string;
  fields: readonly FieldTemplate[];
}

/** `"medecin:3 cabinet medical:4"` — multi-word keywords use `_` between words. */
export function keywords(spec: string): ReadonlyMap<string, number> {
  const map = new Map<string, number>();
  for (const entry of spec.trim().split(/\s+/)) {
    const [word, weight] = entry.split(':') as [string, string | undefined];
    map.set(word.replace(/_/g, ' '), Number(weight ?? '1'));
  }
  return map;
}

/**
 * `entity('tâche|task', 'titre|title:string, description:text, échéance|due date:date')`.
 * A field without `|` has the same name in both languages.
 */
export function entity(names: string, fields: string): EntityTemplate {
  const [fr, en] = names.split('|') as [string, string | undefined];
  return {
    fr,
    en: en ?? fr,
    fields: fields.split(',').map((raw) => {
      const [name, type] = raw.trim().split(':') as [string, string];
      const [frName, enName] = name.split('|') as [string, string | undefined];
      return { fr: frName.trim(), en: (enName ?? frName).trim(), type: type.trim() as FieldType };
    }),
  };
}
