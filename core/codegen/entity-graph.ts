import type { Entity, ProjectModel } from '../api/project-model.ts';
import { AppError } from '../common/index.ts';
import type { GenerationWarning } from './context-types.ts';
import { namesOf, pluralNamesOf } from './naming.ts';

/** Foreign keys and join tables derived from relations and reference fields, before rendering. */
export interface RawForeignKey {
  owner: string;
  name: string;
  column: string;
  target: string;
  required: boolean;
  label: string;
}

export interface RawJoin {
  a: string;
  b: string;
  table: string;
  aColumn: string;
  bColumn: string;
}

export interface EntityGraph {
  foreignKeys: Map<string, RawForeignKey[]>;
  joins: RawJoin[];
  /** Entities in creation order: every required parent before its children. */
  order: string[];
}

function refuse(message: string, path: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { path, reason: 'model' });
}

function fkName(base: string): string {
  const camel = namesOf(base).camel;
  return camel.endsWith('Id') ? camel : `${camel}Id`;
}

/**
 * Resolves relations into foreign keys (deduplicated when both sides declare one), breaks cycles of
 * required keys (a cycle of NOT NULL keys could never be inserted), and orders entities for creation.
 */
export function buildEntityGraph(model: ProjectModel, warnings: GenerationWarning[]): EntityGraph {
  const byKey = new Map(model.entities.map((e) => [e.name.toLowerCase(), e]));
  const canonical = (name: string): Entity => byKey.get(name.toLowerCase()) as Entity;
  const foreignKeys = new Map<string, RawForeignKey[]>(model.entities.map((e) => [e.name, []]));
  const joins = new Map<string, RawJoin>();

  const addKey = (key: RawForeignKey, path: string) => {
    const list = foreignKeys.get(key.owner) as RawForeignKey[];
    const same = list.find((k) => k.name === key.name);
    if (same === undefined) return void list.push(key);
    if (same.target !== key.target) throw refuse(`${key.owner} would get two links named ${key.name} (to ${same.target} and to ${key.target}); give one of the relations a distinct name.`, path);
    same.required ||= key.required;
  };

  model.entities.forEach((entity, i) => {
    entity.fields.forEach((field, j) => {
      if (field.type !== 'reference' || field.target === undefined) return;
      const target = canonical(field.target).name;
      const name = fkName(field.name);
      addKey({ owner: entity.name, name, column: namesOf(name).snake, target, required: field.required === true, label: field.label ?? namesOf(field.name).title }, `entities[${i}].fields[${j}]`);
    });
    entity.relations.forEach((relation, j) => {
      const target = canonical(relation.target).name;
      const path = `entities[${i}].relations[${j}]`;
      if (relation.kind === 'belongsTo') {
        const name = fkName(relation.name ?? target);
        addKey({ owner: entity.name, name, column: namesOf(name).snake, target, required: relation.required === true, label: namesOf(relation.name ?? target).title }, path);
      } else if (relation.kind === 'hasMany') {
        const name = fkName(entity.name);
        addKey({ owner: target, name, column: namesOf(name).snake, target: entity.name, required: false, label: namesOf(entity.name).title }, path);
      } else {
        const [a, b] = [entity.name, target].sort();
        const key = `${a}\u0000${b}`;
        if (!joins.has(key)) {
          const an = namesOf(a as string);
          const bn = namesOf(b as string);
          const self = a === b;
          joins.set(key, {
            a: a as string,
            b: b as string,
            table: `${an.snake}_${pluralNamesOf(b as string).snake}`,
            aColumn: `${an.snake}_id`,
            bColumn: self ? `related_${bn.snake}_id` : `${bn.snake}_id`,
          });
        }
      }
    });
  });

  for (const [owner, keys] of foreignKeys) {
    for (const key of keys) {
      if (key.required && key.target === owner) {
        key.required = false;
        warnings.push({ code: 'self-reference-optional', message: `${owner}.${key.name} points at ${owner} itself, so it is optional (the first ${owner} has nothing to point at).` });
      }
    }
  }
  breakRequiredCycles(foreignKeys, warnings);
  return { foreignKeys, joins: [...joins.values()].sort((x, y) => (x.table < y.table ? -1 : 1)), order: creationOrder(model, foreignKeys) };
}

function breakRequiredCycles(foreignKeys: Map<string, RawForeignKey[]>, warnings: GenerationWarning[]): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string) => {
    state.set(name, 'visiting');
    for (const key of foreignKeys.get(name) ?? []) {
      if (!key.required) continue;
      const seen = state.get(key.target);
      if (seen === 'visiting') {
        key.required = false;
        warnings.push({ code: 'cycle-optional', message: `${name}.${key.name} closes a cycle of required links, so it is optional (such a cycle could never be created).` });
      } else if (seen === undefined) {
        visit(key.target);
      }
    }
    state.set(name, 'done');
  };
  for (const name of [...foreignKeys.keys()].sort()) if (!state.has(name)) visit(name);
}

function creationOrder(model: ProjectModel, foreignKeys: Map<string, RawForeignKey[]>): string[] {
  const order: string[] = [];
  const placed = new Set<string>();
  const place = (name: string) => {
    if (placed.has(name)) return;
    placed.add(name);
    for (const key of foreignKeys.get(name) ?? []) if (key.required) place(key.target);
    order.push(name);
  };
  for (const entity of model.entities) place(entity.name);
  return order;
}
