import { domainById, entityTemplate, GENERIC_DOMAIN, type EntityTemplate } from '../catalogue/index.ts';
import { guessFieldType } from './field-types.ts';
import { phraseKey, type Draft, type DraftEntity, type Origin } from './draft.ts';
import { capitalise, fold, type WritingLanguage } from './normalise.ts';

/**
 * Sensible defaults when the text is thin ("une appli pour gérer mes clients et mes factures"):
 * fields for entities named without attributes, the métier's usual entities when none is named,
 * a web stack, the writing language. Every default is marked `suggested`, never `understood`, so
 * the UI shows it as a proposal.
 */

function suggestion(reason: string, line = 1): Origin {
  return { line, sentence: -1, confidence: 0.4, reason, suggested: true };
}

const GENERIC_FIELDS: Record<WritingLanguage, [string, string][]> = {
  fr: [['nom', 'string'], ['description', 'text']],
  en: [['name', 'string'], ['description', 'text']],
};

function addTemplateFields(draft: Draft, entity: DraftEntity, template: EntityTemplate | undefined, lang: WritingLanguage, why: string): void {
  const fields = template !== undefined ? template.fields.map((f) => [lang === 'fr' ? f.fr : f.en, f.type] as const) : GENERIC_FIELDS[lang];
  for (const [label, type] of fields) {
    draft.addField(entity, {
      key: phraseKey(label.split(' '), lang),
      label,
      type: type as never,
      typeReason: template !== undefined ? `usual ${type} field of a ${template[lang]}` : guessFieldType(fold(label), lang === 'fr').reason,
      origin: suggestion(why, entity.origin.line),
    });
  }
}

export function fillDefaults(draft: Draft, domain: string, lang: WritingLanguage): void {
  if (draft.entities.length === 0) {
    const entry = domainById(domain);
    if (entry === undefined || domain === GENERIC_DOMAIN) {
      draft.warnings.push({ code: 'no-entities', message: 'No entity was found and no métier fits: name the things the app manages ("clients", "commandes"…).' });
    } else {
      for (const template of entry.entities) {
        const label = lang === 'fr' ? template.fr : template.en;
        const entity = draft.declareEntity(phraseKey(label.split(' '), lang), capitalise(label), lang, suggestion(`a usual entity of the ${domain} métier; the text names none`));
        if (entity !== undefined) addTemplateFields(draft, entity, template, lang, `usual field of a ${label}`);
      }
    }
  }
  for (const entity of draft.entities) {
    if (entity.fields.length > 0) continue;
    const template = entityTemplate(entity.key, domain) ?? [...entity.aliases].map((a) => entityTemplate(a, domain)).find((t) => t !== undefined);
    addTemplateFields(draft, entity, template, entity.lang, template !== undefined ? `usual field of a ${entity.label}; the text lists none` : 'a name and a description to start with; the text lists no field');
  }
  if (draft.stacks.size === 0) draft.stacks.set('web', suggestion('no platform named: a web app'));
  if (draft.languages.size === 0) draft.languages.set(lang, suggestion(`no language named: the spec is written in ${lang === 'fr' ? 'French' : 'English'}`));
  if (draft.roles.size === 0 && draft.features.has('auth')) {
    for (const role of domainById(domain)?.roles ?? ['admin']) draft.roles.set(role, { value: role, origin: suggestion(`sign-in is asked for but no role is named: usual roles of the ${domain} métier`) });
    if (draft.roles.size === 0) draft.roles.set('admin', { value: 'admin', origin: suggestion('sign-in is asked for but no role is named') });
  }
}
