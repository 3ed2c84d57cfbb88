import type { NounPhrase } from './chunk.ts';
import { phraseKey, phraseLabel, type Draft, type DraftEntity } from './draft.ts';
import { parseList, readValues, type ListItem } from './field-list.ts';
import { looksLikeField } from './field-types.ts';
import { addItem, addParenFields } from './add-item.ts';
import { isFieldTableRow, readFieldTableRow } from './field-tables.ts';
import { isTopicHead, readHead, sectionKind, type Head } from './heads.ts';
import { PERSON_NOUNS } from './lexicon-nouns.ts';
import { fold, isPlural } from './normalise.ts';
import {
  declareFromPhrase, declareFromTokens, entityOf, fieldFromItem, npKey, npText, origin, subjectBefore, verbs,
} from './rule-helpers.ts';
import type { Block } from './segment.ts';
import type { Sentence } from './sentence.ts';
import type { Token } from './tokenise.ts';

/**
 * Pass A: entities declared with their own attribute list — "Adhérents : nom, prénom…",
 * "Each book has a title, an ISBN…", sections titled by an entity. First every name is
 * collected, then the lists are read, so that an attribute naming another entity ("order lines
 * (book, quantity…)") becomes a relation whatever the order of the text.
 */

export interface Structure {
  /** Sentence index → the entity its "Head:" names. */
  heads: Map<number, DraftEntity>;
  headInfo: Map<number, Head>;
  /** Token ranges already read as attribute lists, per sentence: later rules leave them alone. */
  consumed: Map<number, [number, number][]>;
}

function consume(structure: Structure, sentence: Sentence, from: number, to: number): void {
  const ranges = structure.consumed.get(sentence.index) ?? [];
  ranges.push([from, to]);
  structure.consumed.set(sentence.index, ranges);
}

export const HAS_LEMMAS = new Set(['avoir', 'have', 'posseder', 'possess', 'comporter', 'contenir', 'contain', 'comprendre', 'include', 'disposer', 'consist',
  'need', 'needs', 'require', 'necessiter', 'demander']);

interface HasList {
  /** Undefined when the subject is a pronoun ("Elle a une date…"), resolved from the context. */
  subject: NounPhrase | undefined;
  items: ListItem[];
  from: number;
  to: number;
}

const ANAPHORA = new Set(['il', 'elle', 'ils', 'elles', 'it', 'they', 'celui-ci', 'celle-ci', 'ceux-ci', 'celles-ci', 'each']);

function itemKey(item: ListItem, sentence: Sentence): string {
  return phraseKey(item.name.map((t) => t.text), sentence.lang);
}

function itemIsMany(item: ListItem, sentence: Sentence): boolean {
  const first = item.raw.find((t) => t.tag !== 'conj');
  if (first !== undefined && (first.tag === 'many' || first.fold === 'des')) return true;
  const last = item.name.at(-1);
  return sentence.lang === 'en' && first?.tag !== 'det' && last !== undefined && isPlural(last.text, 'en');
}

function fieldLike(item: ListItem, sentence: Sentence): boolean {
  return item.boolean === true || item.unit !== undefined || looksLikeField(fold(item.name.map((t) => t.text).join(' ')), sentence.lang === 'fr');
}

export function hasLists(sentence: Sentence): HasList[] {
  const found: HasList[] = [];
  for (const { verb, index } of verbs(sentence.chunks)) {
    if (!HAS_LEMMAS.has(verb.lemma) || verb.negated) continue;
    const subject = subjectBefore(sentence.chunks, index);
    const before = sentence.chunks[index - 1];
    const pronoun = before?.kind === 'other' && ANAPHORA.has(before.token.fold);
    if (subject === undefined && !pronoun) continue;
    const next = sentence.tokens[verb.end];
    if (next !== undefined && ['acces', 'access', 'droit', 'besoin', 'need', 'lieu'].includes(next.fold)) continue;
    const list = parseList(sentence.tokens, verb.end, sentence.tokens.length);
    if (list.items.length > 0) found.push({ subject, items: list.items, from: verb.end, to: list.stoppedAt });
  }
  return found;
}

function listAfterHead(sentence: Sentence, head: Head): { items: ListItem[]; complete: boolean } {
  const list = parseList(sentence.tokens, head.colon + 1, sentence.tokens.length);
  return { items: list.items, complete: list.stoppedAt >= sentence.tokens.length && list.items.length > 0 };
}

function mentions(sentence: Sentence, key: string): boolean {
  const words = key.split(' ');
  return sentence.tokens.some((t, i) => i > 0 && phraseKey([t.text], sentence.lang) === words[0]);
}

export function declareLists(sentences: readonly Sentence[], draft: Draft): Structure {
  const structure: Structure = { heads: new Map(), headInfo: new Map(), consumed: new Map() };
  const headingEntities = new Map<Block, DraftEntity>();

  // A1: names.
  for (const sentence of sentences) {
    const section = sectionKind(sentence.block.heading);
    if (sentence.block.kind === 'heading') continue;
    const head = section === 'roles' || section === 'other' ? undefined : readHead(sentence);
    if (head !== undefined && head.fieldOf === undefined && !head.listsEntities) {
      structure.headInfo.set(sentence.index, head);
      const { items, complete } = listAfterHead(sentence, head);
      const listLike = complete && items.some((i) => fieldLike(i, sentence));
      const key = npKey(head.np, sentence.lang);
      let entity: DraftEntity | undefined;
      if (listLike) {
        const before = draft.findEntity(key, sentence.lang);
        entity = declareFromPhrase(draft, sentence, head.np, 0.9, `attributes listed after "${npText(head.np)}:"`, 'strong');
        if (before !== undefined && before === entity && before.hasOwnFields) {
          draft.warnings.push({ code: 'duplicate-entity', message: `${before.label} is described twice (lines ${before.origin.line} and ${sentence.line}); the two descriptions were merged.`, line: sentence.line, details: { entity: before.label, lines: [before.origin.line, sentence.line] } });
        }
      } else if (!isTopicHead(npText(head.np))) {
        const last = head.np.words.at(-1)!;
        const evidence = isPlural(last.text, sentence.lang) || PERSON_NOUNS.has(key) || mentions(sentence, key);
        if (evidence) entity = declareFromPhrase(draft, sentence, head.np, 0.75, `"${npText(head.np)}:" opens a statement about it`, 'weak');
      }
      if (entity !== undefined) {
        structure.heads.set(sentence.index, entity);
        if (listLike) entity.hasOwnFields = true;
      }
    } else if (head?.listsEntities) {
      structure.headInfo.set(sentence.index, head);
      for (const item of listAfterHead(sentence, head).items) declareFromTokens(draft, sentence, item.name, 0.85, `listed under "${npText(head.np)}"`, 'strong');
    }
    for (const { subject, items } of hasLists(sentence)) {
      if (subject === undefined) continue;
      const fields = items.filter((i) => !itemIsMany(i, sentence) && fieldLike(i, sentence));
      const many = items.some((i) => itemIsMany(i, sentence) && !fieldLike(i, sentence));
      if (fields.length === 0 && items.length < 2 && !many) continue;
      const entity = declareFromPhrase(draft, sentence, subject, 0.85, `"${npText(subject)}" is described by its attributes`, fields.length > 0 ? 'strong' : 'weak');
      if (entity !== undefined && fields.length > 0) entity.hasOwnFields = true;
    }
    if (section === 'entities' && sentence.block.kind === 'item' && sentence.firstInBlock && head === undefined) {
      const np = sentence.chunks[0];
      if (np?.kind === 'np' && sentence.chunks.length <= 3) declareFromPhrase(draft, sentence, np, 0.8, 'listed in the data section', 'strong');
    }
  }

  readNestedItems(sentences, draft);
  // People who act elsewhere in the text ("les entraîneurs font l'appel"): when a record "has a coach", it links to them.
  const actors = new Set<string>();
  for (const sentence of sentences) {
    for (const { index } of verbs(sentence.chunks)) {
      const subject = subjectBefore(sentence.chunks, index);
      if (subject !== undefined) actors.add(npKey(subject, sentence.lang));
    }
  }

  // A2: attributes.
  for (const sentence of sentences) {
    const head = structure.headInfo.get(sentence.index);
    const headEntity = structure.heads.get(sentence.index);
    if (head !== undefined && headEntity !== undefined && readHeadList(draft, sentence, head, headEntity)) {
      consume(structure, sentence, head.colon, sentence.tokens.length);
    }
    if (head?.listsEntities) {
      for (const item of listAfterHead(sentence, head).items) {
        const entity = draft.findEntity(itemKey(item, sentence), sentence.lang);
        if (entity !== undefined && item.paren !== undefined) addParenFields(draft, sentence, entity, item.paren);
      }
    }
    if (head === undefined) {
      const fieldOf = readHead(sentence)?.fieldOf;
      if (fieldOf !== undefined && sectionKind(sentence.block.heading) !== 'roles') readFieldOf(draft, sentence, readHead(sentence)!, fieldOf);
    }
    for (const has of hasLists(sentence)) {
      const entity = has.subject !== undefined ? entityOf(draft, sentence, has.subject) : resolvePronoun(draft, sentence, sentences[sentence.index - 1], headingEntities);
      if (entity === undefined) continue;
      readHasList(draft, sentence, entity, has, actors);
      consume(structure, sentence, has.from, has.to);
    }
    if (isFieldTableRow(sentence)) readFieldTableRow(draft, sentence, sectionEntity(draft, sentence, headingEntities, 0.85));
    else readSectionItem(draft, sentence, headingEntities);
  }
  return structure;
}

/**
 * "- Patient" followed by indented "- full name", "- phone": an entity and its attributes
 * written as a nested list.
 */
function readNestedItems(sentences: readonly Sentence[], draft: Draft): void {
  const firsts = sentences.filter((s) => s.firstInBlock && s.block.kind === 'item');
  firsts.forEach((parent, i) => {
    const np = parent.chunks[0];
    if (np?.kind !== 'np' || parent.chunks.length > 2 || (parent.chunks.length === 2 && !(parent.chunks[1]!.kind === 'punct' && parent.chunks[1]!.token.text === ':'))) return;
    const children: Sentence[] = [];
    for (const child of firsts.slice(i + 1)) {
      if (child.block.level <= parent.block.level) break;
      if (child.block.level === parent.block.level + 1) children.push(child);
    }
    if (children.length === 0) return;
    const pairs = children
      .map((child) => ({ child, list: parseList(child.tokens, 0, child.tokens.length) }))
      .filter(({ list }) => list.items.length === 1)
      .map(({ child, list }) => ({ child, item: list.items[0]! }));
    if (pairs.length < children.length / 2 || !pairs.some(({ item }) => fieldLike(item, parent))) return;
    const entity = declareFromPhrase(draft, parent, np, 0.85, `attributes listed under "${npText(np)}"`, 'strong');
    if (entity === undefined) return;
    entity.hasOwnFields = true;
    for (const { child, item } of pairs) addItem(draft, child, entity, item, `listed under "${npText(np)}"`, 0.85);
  });
}

/** "Une candidature relie un candidat à une offre. Elle a une date…": the entity just named, or the section's. */
function resolvePronoun(draft: Draft, sentence: Sentence, previous: Sentence | undefined, headingEntities: Map<Block, DraftEntity>): DraftEntity | undefined {
  // The pronoun stands for the previous sentence's subject, which the attributes now describe.
  const subject = previous !== undefined && previous.block === sentence.block ? previous.chunks.find((c) => c.kind === 'np') : undefined;
  if (subject?.kind === 'np') {
    const entity = entityOf(draft, previous!, subject) ?? declareFromPhrase(draft, previous!, subject, 0.75, `"${npText(subject)}", described in the next sentence`, 'strong');
    if (entity !== undefined) return entity;
  }
  return sectionEntity(draft, sentence, headingEntities, 0.7);
}

function sectionEntity(draft: Draft, sentence: Sentence, headingEntities: Map<Block, DraftEntity>, confidence: number): DraftEntity | undefined {
  const heading = sentence.block.heading;
  if (heading === undefined || sectionKind(heading) !== 'entity') return undefined;
  const known = headingEntities.get(heading);
  if (known !== undefined) return known;
  const words = heading.text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const key = phraseKey(words, sentence.lang);
  const entity = draft.findEntity(key, sentence.lang) ?? draft.declareEntity(key, phraseLabel(words.map((w) => ({ text: w }) as Token), sentence.lang), sentence.lang, { ...origin(sentence, undefined, confidence, `section "${heading.text}" describes it`), line: heading.lineStarts[0]!.line });
  if (entity !== undefined) headingEntities.set(heading, entity);
  return entity;
}

/** Reads the attributes after "Head:"; false when what follows is a sentence rather than a list. */
function readHeadList(draft: Draft, sentence: Sentence, head: Head, entity: DraftEntity): boolean {
  // "Deliveries / livraisons :" and "Documents attached to a case:".
  const qualifier = head.qualifier;
  if (qualifier[0]?.text === '/' && qualifier.length > 1) {
    const alias = phraseKey(qualifier.slice(1).filter((t) => t.tag === 'word').map((t) => t.text), sentence.lang);
    if (alias !== '' && draft.findEntity(alias, sentence.lang) === undefined) {
      entity.aliases.add(alias);
      draft.forget();
    }
  }
  const { items, complete } = listAfterHead(sentence, head);
  if (!complete) return false;
  for (const item of items) addItem(draft, sentence, entity, item, `listed after "${npText(head.np)}:"`, 0.9);
  return true;
}

function readFieldOf(draft: Draft, sentence: Sentence, head: Head, fieldOf: NounPhrase): void {
  const entity = entityOf(draft, sentence, fieldOf);
  if (entity === undefined) return;
  const values = readValues(sentence.tokens.slice(head.colon + 1));
  const item: ListItem = { name: head.np.words, raw: head.np.words };
  if (values !== undefined) item.values = values;
  fieldFromItem(draft, entity, item, sentence, 0.85, `"${npText(head.np)}" of ${entity.label}`);
}

function readHasList(draft: Draft, sentence: Sentence, entity: DraftEntity, has: HasList, actors: ReadonlySet<string>): void {
  const subjectText = has.subject === undefined ? entity.label : npText(has.subject);
  for (const item of has.items) {
    const key = itemKey(item, sentence);
    const known = draft.findEntity(key, sentence.lang);
    const det = item.raw.find((t) => t.tag === 'det')?.fold ?? '';
    if (known === undefined && item.referenceWords === undefined && PERSON_NOUNS.has(key) && actors.has(key) && ['un', 'une', 'a', 'an'].includes(det)) {
      const person = declareFromTokens(draft, sentence, item.name, 0.65, `${entity.label} has one; they act elsewhere in the spec`, 'weak');
      if (person !== undefined) draft.addRelation(entity, person, 'belongsTo', origin(sentence, item.name[0], 0.7, `"${subjectText}" has ${item.name.map((t) => t.text).join(' ')}`));
      continue;
    }
    if (itemIsMany(item, sentence) && !fieldLike(item, sentence)) {
      const target: DraftEntity | undefined = known ?? declareFromTokens(draft, sentence, item.name, 0.75, `${entity.label} has several of them`, item.paren !== undefined ? 'strong' : 'weak');
      if (target === undefined || target === entity) continue;
      draft.addRelation(entity, target, 'hasMany', origin(sentence, item.name[0], 0.85, `"${sentence.text.slice(0, 80)}" — one ${entity.label} has many ${target.label}`));
      if (item.paren !== undefined) addParenFields(draft, sentence, target, item.paren);
      continue;
    }
    addItem(draft, sentence, entity, item, `"${subjectText}" has it`, 0.85);
  }
}

function readSectionItem(draft: Draft, sentence: Sentence, headingEntities: Map<Block, DraftEntity>): void {
  const heading = sentence.block.heading;
  if (heading === undefined || sectionKind(heading) !== 'entity' || sentence.block.kind !== 'item' || !sentence.firstInBlock) return;
  if (readHead(sentence) !== undefined) return;
  const list = parseList(sentence.tokens, 0, sentence.tokens.length);
  if (list.stoppedAt < sentence.tokens.length || list.items.length === 0 || list.items.length > 6) return;
  if (!list.items.every((item) => item.name.length <= 5)) return;
  const entity = sectionEntity(draft, sentence, headingEntities, 0.8);
  if (entity === undefined) return;
  entity.hasOwnFields = true;
  for (const item of list.items) addItem(draft, sentence, entity, item, `listed under "${heading.text}"`, 0.8);
}
