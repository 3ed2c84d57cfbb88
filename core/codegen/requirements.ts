import type { ProjectModel } from '../api/project-model.ts';
import type { EntityContext, EntityRef, RequirementContext } from './context-types.ts';
import { splitWords } from './naming.ts';

const AUTH_WORDS = /\b(auth|login|log in|sign in|connexion|se connecter|mot de passe|password|r[oô]les?|account|compte|back-office|admin)/i;
const GDPR_WORDS = /\b(gdpr|rgpd|personal data|donn[ée]es personnelles|privacy|confidentialit[ée]|erase|effacer|supprimer mes)/i;

function ref(entity: EntityContext): EntityRef {
  const { name, names, plural, label, pluralLabel, table, route, file, displayField } = entity;
  return { name, names, plural, label, pluralLabel, table, route, file, displayField };
}

function mentions(text: string, entity: EntityContext): boolean {
  const words = ` ${splitWords(text).join(' ')} `;
  return [entity.names.words, entity.plural.words, splitWords(entity.label).join(' ')].some((w) => w.length > 2 && words.includes(` ${w} `));
}

/**
 * Each requirement with what implements it: entities named by its refs (`entity:X`, `field:X.y`)
 * or, failing refs, mentioned in its text; features likewise. A structured spec without
 * requirements gets derived ones (one per entity, auth, GDPR, languages) so the README and the
 * tests still trace every part of the app to a line.
 */
export function requirementContexts(model: ProjectModel, entities: readonly EntityContext[], gdpr: boolean): RequirementContext[] {
  const byKey = new Map(entities.map((e) => [e.name.toLowerCase(), e]));
  if (model.requirements.length > 0) {
    return model.requirements.map((requirement) => {
      const hit = new Map<string, EntityContext>();
      const features = new Set<string>();
      for (const r of requirement.refs ?? []) {
        const [kind, rest = ''] = r.split(':', 2);
        if (kind === 'entity' || kind === 'field' || kind === 'relation') {
          const entity = byKey.get((rest.split('.')[0] ?? '').toLowerCase());
          if (entity) hit.set(entity.name, entity);
        } else if (kind === 'feature' || kind === 'role' || kind === 'language') {
          features.add(kind === 'role' ? 'auth' : kind === 'language' ? 'i18n' : rest);
        }
      }
      if (hit.size === 0) for (const e of entities) if (mentions(requirement.text, e)) hit.set(e.name, e);
      if (AUTH_WORDS.test(requirement.text)) features.add('auth');
      if (GDPR_WORDS.test(requirement.text)) features.add('gdpr');
      // Only the concerns every stack implements somewhere (and GDPR only when it is generated).
      const traced = [...features].filter((f) => f === 'auth' || f === 'i18n' || (f === 'gdpr' && gdpr)).sort();
      return { id: requirement.id, text: requirement.text, derived: false, entities: entities.filter((e) => hit.has(e.name)).map(ref), features: traced };
    });
  }
  const derived: RequirementContext[] = entities.map((e, i) => ({ id: `R${i + 1}`, text: `Manage ${e.plural.words}: list, search, create, read, update and delete.`, derived: true, entities: [ref(e)], features: [] }));
  derived.push({ id: `R${derived.length + 1}`, text: `Users sign in; roles (${(model.roles.length > 0 ? model.roles : ['admin', 'user']).join(', ')}) decide what each may do.`, derived: true, entities: [], features: ['auth'] });
  if (gdpr) derived.push({ id: `R${derived.length + 1}`, text: 'A person can obtain their personal data and have it erased (GDPR Art. 15 and 17).', derived: true, entities: [], features: ['gdpr'] });
  derived.push({ id: `R${derived.length + 1}`, text: `The interface is available in ${model.languages.join(', ')}.`, derived: true, entities: [], features: ['i18n'] });
  return derived;
}
