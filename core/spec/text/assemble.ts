import { FEATURE_TAGS, MODEL_VERSION, STACK_KINDS, type Entity, type Field, type ProjectModel, type Requirement } from '../../api/project-model.ts';
import type { Explanation, SpecWarning } from '../../api/spec.ts';
import { slugify } from '../../common/slug.ts';
import { reservedIn } from '../sanitise.ts';
import type { Draft, DraftEntity, DraftField, Origin } from './draft.ts';
import { camelIdentifier, fold, pascalIdentifier } from './normalise.ts';
import type { NameResult } from './project-name.ts';
import type { Sentence } from './sentence.ts';

/**
 * Turns the draft into a ProjectModel plus one explanation per item (path, source line, rule,
 * confidence, understood or suggested) and the requirement list (R1, R2… in text order).
 */

export interface Assembly {
  model: ProjectModel;
  sources: Explanation[];
  warnings: SpecWarning[];
}

export interface AssembleInput {
  draft: Draft;
  sentences: readonly Sentence[];
  lines: readonly string[];
  name: NameResult;
  domain: { id: string; origin: Origin };
}

const NEED = /\b(doit|doivent|devra|devront|faut|faudrait|veux|voulons|voudrais|voudrait|souhait\w*|obligatoire|besoin|permettre|permet|pouvoir|must|should|shall|need|needs|want|wants|required|require|requires|allow|allows|enable|can)\b/;
const MAX_REQUIREMENTS = 5_000;

function plain(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = text.replace(/[<>\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
  return cleaned.length > max ? `${cleaned.slice(0, max - 1)}…` : cleaned;
}

/** Elided articles are not part of a name: "date d'adhésion" → dateAdhesion. */
function fieldIdentifier(label: string): string {
  return camelIdentifier(label.replace(/\b(?:[ldjsnmtc]|qu)['’]/gi, ''));
}

function unique(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base.slice(0, 62)}${n}`;
  taken.add(name.toLowerCase());
  return name;
}

export function assemble(input: AssembleInput): Assembly {
  const { draft, sentences, lines } = input;
  const sources: Explanation[] = [];
  const warnings: SpecWarning[] = [...draft.warnings];
  const sourceOf = (origin: Origin): Explanation['source'] =>
    origin.suggested ? undefined : { line: origin.line, text: plain(lines[origin.line - 1] ?? '', 240) };
  const requirementOf = new Map<number, string>();
  const explain = (path: string, item: string, origin: Origin, reason = origin.reason) => {
    const explanation: Explanation = { path, item, status: origin.suggested ? 'suggested' : 'understood', confidence: Number(Math.min(1, Math.max(0, origin.confidence)).toFixed(2)), reason };
    const source = sourceOf(origin);
    if (source !== undefined) explanation.source = source;
    const requirement = requirementOf.get(origin.sentence);
    if (requirement !== undefined) explanation.requirement = requirement;
    sources.push(explanation);
  };

  // Requirements first, so every explanation can name the one its line belongs to.
  const requirements: Requirement[] = [];
  const requirementSentence: Sentence[] = [];
  for (const sentence of sentences) {
    if (requirements.length >= MAX_REQUIREMENTS) break;
    if (sentence.block.kind === 'heading') continue;
    if (!draft.productive.has(sentence.index) && !NEED.test(fold(sentence.text))) continue;
    // The sentence as written, with its final stop.
    const stop = sentence.block.text.charAt(sentence.end);
    const text = plain(`${sentence.text}${'.!?…'.includes(stop) && stop !== '' ? stop : ''}`, 2_000).replace(/ ([,.])/g, '$1');
    if (text.length < 3) continue;
    const id = `R${requirements.length + 1}`;
    requirementOf.set(sentence.index, id);
    requirements.push({ id, text });
    requirementSentence.push(sentence);
  }

  const ordered = [...draft.entities].sort((a, b) => a.origin.line - b.origin.line);
  const names = new Map<DraftEntity, string>();
  const taken = new Set<string>();
  for (const entity of ordered) {
    const base = pascalIdentifier(entity.label);
    const name = unique(base, taken);
    if (name !== base) warnings.push({ code: 'duplicate-entity', message: `Two entities are both called ${base}; the second is ${name}.`, line: entity.origin.line });
    names.set(entity, name);
  }
  const byKey = new Map(ordered.map((e) => [e.key, e]));
  const entities: Entity[] = ordered.map((entity, i) => {
    const name = names.get(entity)!;
    const path = `entities[${i}]`;
    explain(path, `entity ${name}`, entity.origin);
    checkReserved(name, path, entity.origin.line, warnings);
    const fieldNames = new Set<string>();
    const fields = entity.fields.map((draftField, j) => buildField(draftField, fieldNames, `${path}.fields[${j}]`, name, warnings, explain));
    const relations = draft.relations
      .filter((r) => r.from === entity.key && byKey.has(r.to))
      .map((r, k) => {
        const target = names.get(byKey.get(r.to)!)!;
        explain(`${path}.relations[${k}]`, `relation ${name} ${r.kind} ${target}`, r.origin);
        return r.name === undefined ? { kind: r.kind, target } : { kind: r.kind, target, name: camelIdentifier(r.name) };
      });
    const result: Entity = { name, fields, relations };
    const label = plain(entity.label, 120);
    if (label !== '' && label !== name) result.label = label;
    return result;
  });

  const languages = [...draft.languages.entries()];
  languages.forEach(([code, origin], i) => explain(`languages[${i}]`, `language ${code}`, origin));
  const roles = [...draft.roles.values()].slice(0, 100);
  roles.forEach((role, i) => explain(`roles[${i}]`, `role ${role.value}`, role.origin));
  const features = FEATURE_TAGS.filter((tag) => draft.features.has(tag));
  features.forEach((tag, i) => explain(`features[${i}]`, `feature ${tag}`, draft.features.get(tag)!));
  const stacks = STACK_KINDS.filter((kind) => draft.stacks.has(kind));
  stacks.forEach((kind, i) => explain(`stacks[${i}]`, `stack ${kind}`, draft.stacks.get(kind)!));
  explain('domain', `domain ${input.domain.id}`, input.domain.origin);
  explain('name', `name ${input.name.name}`, input.name.nameOrigin);

  const refName = (ref: string): string => {
    const [kind, rest] = ref.split(/:(.*)/s) as [string, string];
    if (kind === 'entity') return `entity:${names.get(byKey.get(rest)!) ?? rest}`;
    if (kind === 'field') {
      const [entityKey, fieldKey] = rest.split('.') as [string, string];
      const entity = byKey.get(entityKey);
      const field = entity?.fields.find((f) => f.key === fieldKey);
      return entity === undefined || field === undefined ? ref : `field:${names.get(entity)}.${fieldIdentifier(field.label)}`;
    }
    if (kind === 'relation') return `relation:${rest.split('>').map((k) => names.get(byKey.get(k)!) ?? k).join('.')}`;
    return ref;
  };
  requirements.forEach((requirement, i) => {
    const sentence = requirementSentence[i]!;
    const refs = (draft.productive.get(sentence.index) ?? []).map(refName).slice(0, 200);
    if (refs.length > 0) requirement.refs = refs;
    explain(`requirements[${i}]`, `requirement ${requirement.id}`, { line: sentence.line, sentence: sentence.index, confidence: 0.8, reason: 'a statement of the spec' });
  });

  const name = plain(input.name.name, 120) || 'Project';
  const model: ProjectModel = {
    modelVersion: MODEL_VERSION,
    name,
    slug: slugify(name),
    domain: input.domain.id,
    languages: languages.map(([code]) => code),
    roles: roles.map((r) => r.value),
    features,
    stacks,
    entities,
    requirements,
  };
  const description = input.name.description === undefined ? '' : plain(input.name.description, 2_000);
  if (description !== '') model.description = description;
  return { model, sources, warnings };
}

function checkReserved(name: string, path: string, line: number, warnings: SpecWarning[]): void {
  const reserved = reservedIn(name);
  if (reserved.length === 0) return;
  warnings.push({ code: 'reserved-word', message: `"${name}" is a reserved word in ${reserved.join(' and ').toUpperCase()}; it is kept, and generated code will quote or suffix it.`, path, line, details: { name, reservedIn: reserved } });
}

function buildField(draftField: DraftField, taken: Set<string>, path: string, entityName: string, warnings: SpecWarning[], explain: (path: string, item: string, origin: Origin, reason?: string) => void): Field {
  const base = fieldIdentifier(draftField.label);
  const name = unique(base, taken);
  if (name !== base) warnings.push({ code: 'duplicate-field', message: `${entityName} has two fields called ${base}; the second is ${name}.`, path, line: draftField.origin.line });
  checkReserved(name, path, draftField.origin.line, warnings);
  const values = draftField.values?.map((v) => plain(v, 80)).filter((v, i, all) => v !== '' && all.indexOf(v) === i);
  const field: Field = { name, type: draftField.type === 'enum' && (values === undefined || values.length === 0) ? 'string' : draftField.type };
  const label = plain(draftField.label, 120);
  if (label !== '' && label !== name) field.label = label;
  if (field.type === 'enum') field.values = values;
  if (draftField.required !== undefined) field.required = draftField.required;
  if (draftField.unique) field.unique = true;
  if (draftField.min !== undefined) field.min = draftField.min;
  if (draftField.max !== undefined) field.max = draftField.max;
  if (draftField.unit !== undefined) field.unit = plain(draftField.unit, 20);
  if (draftField.personalData !== undefined) field.personalData = draftField.personalData;
  if (draftField.description !== undefined && plain(draftField.description, 500) !== '') field.description = plain(draftField.description, 500);
  const reasons = [draftField.origin.reason, draftField.typeReason, draftField.personalReason].filter((r): r is string => r !== undefined && r !== '');
  explain(path, `field ${entityName}.${name} (${field.type}${field.personalData ? `, ${field.personalData} data` : ''})`, draftField.origin, reasons.join('; '));
  return field;
}
