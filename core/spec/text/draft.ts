import type { FeatureTag, FieldType, PersonalDataKind, RelationKind, StackKind } from '../../api/project-model.ts';
import type { SpecWarning } from '../../api/spec.ts';
import { BILINGUAL_NOUNS } from './lexicon-nouns.ts';
import { editDistance, fold, singularFold, singularWord, type WritingLanguage } from './normalise.ts';
import type { Token } from './tokenise.ts';

/**
 * The extractor's working memory: what has been found so far, each item with the sentence that
 * produced it. Rules add to it; `assemble` turns it into a ProjectModel and its explanations.
 */

export interface Origin {
  /** 1-based source line. */
  line: number;
  /** Index of the sentence (for requirement ids); -1 for suggestions. */
  sentence: number;
  confidence: number;
  reason: string;
  suggested?: boolean;
}

export interface DraftField {
  key: string;
  label: string;
  type: FieldType;
  typeReason: string;
  values?: string[];
  required?: boolean;
  unique?: boolean;
  min?: number;
  max?: number;
  unit?: string;
  description?: string;
  personalData?: PersonalDataKind;
  personalReason?: string;
  origin: Origin;
}

export interface DraftEntity {
  key: string;
  label: string;
  lang: WritingLanguage;
  fields: DraftField[];
  origin: Origin;
  /** Declared with its own attribute list (not only named). */
  hasOwnFields: boolean;
  aliases: Set<string>;
}

export interface DraftRelation {
  from: string;
  to: string;
  kind: RelationKind;
  name?: string;
  origin: Origin;
}

export interface Found<T> {
  value: T;
  origin: Origin;
}

export const MAX_ENTITIES = 200;
export const MAX_FIELDS = 200;

/** Folded singular key of a phrase: "Time entries" → "time entry", "Adhérents" → "adherent". */
export function phraseKey(words: readonly string[], lang: WritingLanguage): string {
  const clean = words.map((w) => fold(w).replace(/^(l|d)'/, '')).filter((w) => w.length > 0 && w !== "'");
  const plural = pluralWords(clean, lang);
  return clean.map((w, i) => (plural[i] ? singularFold(w, lang) : w)).join(' ');
}

/**
 * Which words of a name carry its number: the last in English ("sales reps" → "sales rep"), the
 * words before the first "de" in French ("lignes de commande", "avis clients").
 */
function pluralWords(words: readonly string[], lang: WritingLanguage): boolean[] {
  if (lang === 'en') return words.map((_, i) => i === words.length - 1);
  const de = words.findIndex((w, i) => i > 0 && ['de', 'du', 'des', 'd', "d'", 'a', 'au', 'aux', 'en'].includes(w));
  return words.map((_, i) => de < 0 || i < de);
}

/** Label as written, in the singular: "Time entries" → "Time entry". */
export function phraseLabel(tokens: readonly Token[], lang: WritingLanguage): string {
  const words = tokens.map((t) => t.text);
  const plural = pluralWords(words.map((w) => fold(w)), lang);
  const out = words.map((w, i) => (plural[i] && /^\p{L}/u.test(w) && !/^(de|du|des|of|d'|l')$/i.test(w) ? singularWord(w, lang) : w));
  return out.join(' ').replace(/ ?' ?/g, "'").replace(/\s+/g, ' ').trim();
}

const TRANSLATIONS = new Map<string, string[]>();
for (const [fr, en] of BILINGUAL_NOUNS) {
  TRANSLATIONS.set(fr, [...(TRANSLATIONS.get(fr) ?? []), en]);
  TRANSLATIONS.set(en, [...(TRANSLATIONS.get(en) ?? []), fr]);
}

export class Draft {
  readonly entities: DraftEntity[] = [];
  readonly relations: DraftRelation[] = [];
  readonly roles = new Map<string, Found<string>>();
  readonly features = new Map<FeatureTag, Origin>();
  readonly negatedFeatures = new Set<FeatureTag>();
  readonly stacks = new Map<StackKind, Origin>();
  readonly negatedStacks = new Set<StackKind>();
  readonly languages = new Map<string, Origin>();
  readonly warnings: SpecWarning[] = [];
  /** Sentences that produced something, for requirement ids. */
  readonly productive = new Map<number, string[]>();

  readonly mixed: boolean;

  constructor(mixed: boolean) {
    this.mixed = mixed;
  }

  note(origin: Origin, ref: string): void {
    if (origin.sentence < 0) return;
    const refs = this.productive.get(origin.sentence) ?? [];
    if (!refs.includes(ref)) refs.push(ref);
    this.productive.set(origin.sentence, refs);
  }

  /** Finds a declared entity a phrase refers to: exact key, alias, head noun, translation or a one-letter typo. */
  findEntity(key: string, lang: WritingLanguage): DraftEntity | undefined {
    if (key === '') return undefined;
    // Rules ask about the same phrases again and again; answers hold until an entity or alias is added.
    const cacheKey = `${lang}|${key}`;
    if (this.lookups.has(cacheKey)) return this.lookups.get(cacheKey) ?? undefined;
    const found = this.lookup(key, lang);
    this.lookups.set(cacheKey, found ?? null);
    return found;
  }

  private readonly lookups = new Map<string, DraftEntity | null>();

  /** Call after changing entities or their aliases outside declareEntity. */
  forget(): void {
    this.lookups.clear();
  }

  private lookup(key: string, lang: WritingLanguage): DraftEntity | undefined {
    const direct = this.findDirect(key, lang);
    if (direct !== undefined) return direct;
    // "members" in an English line of a French spec is the "adhérent" declared earlier.
    for (const translation of TRANSLATIONS.get(key) ?? []) {
      const found = this.findDirect(translation, lang === 'fr' ? 'en' : 'fr');
      if (found !== undefined && (this.mixed || found.lang !== lang)) return found;
    }
    if (key.length >= 5 && !key.includes(' ')) {
      const max = key.length >= 9 ? 2 : 1;
      const close = this.entities.filter((e) => !e.key.includes(' ') && Math.abs(e.key.length - key.length) <= max && editDistance(e.key, key, max) <= max);
      if (close.length === 1) return close[0];
    }
    return undefined;
  }

  private findDirect(key: string, lang: WritingLanguage): DraftEntity | undefined {
    const exact = this.entities.find((e) => e.key === key || e.aliases.has(key));
    if (exact !== undefined) return exact;
    const words = key.split(' ');
    // French puts adjectives after the noun ("cotisation annuelle"), English before ("annual fee").
    if (words.length > 1) {
      const head = lang === 'fr' ? words[0]! : words.at(-1)!;
      const byHead = this.entities.find((e) => e.key === head && !e.key.includes(' '));
      if (byHead !== undefined && !/^\d/.test(head)) return byHead;
      return undefined;
    }
    // "one family" for "Beneficiary families", "a task" for "Onboarding tasks": the head noun alone, when only one entity has it.
    const byHead = this.entities.filter((e) => e.key.includes(' ') && (e.lang === 'fr' ? e.key.split(' ')[0] === key : e.key.split(' ').at(-1) === key));
    return byHead.length === 1 ? byHead[0] : undefined;
  }

  declareEntity(key: string, label: string, lang: WritingLanguage, origin: Origin): DraftEntity | undefined {
    const existing = this.findEntity(key, lang);
    if (existing !== undefined) {
      if (existing.key !== key && !existing.aliases.has(key)) {
        existing.aliases.add(key);
        this.forget();
      }
      if (existing.origin.confidence < origin.confidence && existing.fields.length === 0) existing.origin = origin;
      return existing;
    }
    if (this.entities.length >= MAX_ENTITIES) {
      this.limit('entities', MAX_ENTITIES, origin.line);
      return undefined;
    }
    const entity: DraftEntity = { key, label, lang, fields: [], origin, hasOwnFields: false, aliases: new Set() };
    this.entities.push(entity);
    this.forget();
    this.note(origin, `entity:${key}`);
    return entity;
  }

  addField(entity: DraftEntity, field: DraftField): DraftField | undefined {
    const same = entity.fields.find((f) => f.key === field.key);
    if (same !== undefined) {
      // A later mention may say more (values, a unit, optional): keep the first and add what it lacked.
      same.values ??= field.values;
      same.unit ??= field.unit;
      same.required ??= field.required;
      same.min ??= field.min;
      same.max ??= field.max;
      if (same.values !== undefined && same.type !== 'enum') same.type = 'enum';
      return same;
    }
    if (entity.fields.length >= MAX_FIELDS) {
      this.limit(`fields of ${entity.label}`, MAX_FIELDS, field.origin.line);
      return undefined;
    }
    entity.fields.push(field);
    this.note(field.origin, `field:${entity.key}.${field.key}`);
    return field;
  }

  addRelation(from: DraftEntity, to: DraftEntity, kind: RelationKind, origin: Origin, name?: string): void {
    if (from === to && name === undefined) return;
    const existing = this.relations.find((r) => (r.from === from.key && r.to === to.key) || (r.from === to.key && r.to === from.key));
    if (existing !== undefined) {
      if (kind === 'manyToMany' && existing.kind !== 'manyToMany' && origin.confidence >= existing.origin.confidence) existing.kind = 'manyToMany';
      return;
    }
    const relation: DraftRelation = { from: from.key, to: to.key, kind, origin };
    if (name !== undefined) relation.name = name;
    this.relations.push(relation);
    this.note(origin, `relation:${from.key}>${to.key}`);
  }

  addRole(name: string, origin: Origin): void {
    if (name === '' || this.roles.has(name)) return;
    this.roles.set(name, { value: name, origin });
    this.note(origin, `role:${name}`);
  }

  addFeature(tag: FeatureTag, origin: Origin): void {
    if (this.features.has(tag)) return;
    this.features.set(tag, origin);
    this.note(origin, `feature:${tag}`);
  }

  addStack(kind: StackKind, origin: Origin): void {
    if (this.stacks.has(kind)) return;
    this.stacks.set(kind, origin);
    this.note(origin, `stack:${kind}`);
  }

  private limitReported = new Set<string>();

  private limit(what: string, max: number, line: number): void {
    if (this.limitReported.has(what)) return;
    this.limitReported.add(what);
    this.warnings.push({ code: 'limit-reached', message: `Only the first ${max} ${what} were kept.`, line });
  }
}
