import { COMMERCE_DOMAINS } from './domains-commerce.ts';
import { ORGANISATION_DOMAINS } from './domains-organisations.ts';
import { SERVICE_DOMAINS } from './domains-services.ts';
import type { DomainEntry, EntityTemplate } from './domain-entry.ts';

export type { DomainEntry, EntityTemplate, FieldTemplate } from './domain-entry.ts';

/** Used when no métier fits: the model still validates and the user picks one. */
export const GENERIC_DOMAIN = 'generic';

/**
 * The métiers Dihya knows, in tie-break order. To add one, add an entry to a domains-*.ts file
 * (or a new file listed here); nothing else changes.
 */
export const DOMAIN_CATALOGUE: readonly DomainEntry[] = Object.freeze([...SERVICE_DOMAINS, ...COMMERCE_DOMAINS, ...ORGANISATION_DOMAINS]);

const byId = new Map(DOMAIN_CATALOGUE.map((d) => [d.id, d]));

export function domainById(id: string): DomainEntry | undefined {
  return byId.get(id);
}

export function isKnownDomain(id: string): boolean {
  return id === GENERIC_DOMAIN || byId.has(id);
}

/** The catalogue's template for an entity, by its folded singular name in either language. */
export function entityTemplate(key: string, preferDomain: string): EntityTemplate | undefined {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  const preferred = byId.get(preferDomain);
  const domains = preferred === undefined ? DOMAIN_CATALOGUE : [preferred, ...DOMAIN_CATALOGUE.filter((d) => d !== preferred)];
  for (const domain of domains) {
    for (const template of domain.entities) {
      if (fold(template.fr) === key || fold(template.en) === key) return template;
    }
  }
  return undefined;
}
