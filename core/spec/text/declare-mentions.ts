import type { NounPhrase, VerbGroup } from './chunk.ts';
import type { Draft, DraftEntity } from './draft.ts';
import { parseList } from './field-list.ts';
import { addItem } from './add-item.ts';
import { HAS_LEMMAS } from './declare-lists.ts';
import { BELONG_LEMMAS, COMPOSE_LEMMAS, TRANSACTION } from './verb-classes.ts';
import { PERSON_NOUNS } from './lexicon-nouns.ts';
import { isPlural } from './normalise.ts';
import { declareFromPhrase, entityOf, fieldLikeCount, npKey, npText, objectAfter, prepFold, subjectBefore, verbs } from './rule-helpers.ts';
import type { Sentence } from './sentence.ts';
import type { Chunk } from './chunk.ts';

/**
 * Pass B, second part: entities named by the role they play in a clause rather than by an
 * attribute list of their own — what is bought or booked, what a whole is made of, the far end of
 * "belongs to", a bare name among described ones, the attributes "for each X we keep…" or
 * "leur nom, leur téléphone…".
 */

/** "given to one family on a date": when and at what time, said of a record. */
export function readTemporalFields(draft: Draft, sentence: Sentence, entity: DraftEntity, verbIndex: number): void {
  for (let k = verbIndex + 1; k < sentence.chunks.length; k += 1) {
    const c = sentence.chunks[k]!;
    if (c.kind === 'verb') break;
    if (c.kind !== 'np' || prepFold(sentence.chunks[k - 1]) === undefined || c.words.length !== 1) continue;
    if (!/^(date|heure|time|day|jour|datetime)$/.test(c.words[0]!.fold)) continue;
    addItem(draft, sentence, entity, { name: c.words, raw: c.words }, `"${sentence.chunks[k - 1]!.kind === 'prep' ? (sentence.chunks[k - 1] as { token: { text: string } }).token.text : ''} ${npText(c)}"`, 0.55);
  }
}

/** "Un coach anime chaque séance": a person who does something to each record is an entity too. */
export function readActors(draft: Draft, sentence: Sentence): void {
  for (const { verb, index } of verbs(sentence.chunks)) {
    if (verb.passive || HAS_LEMMAS.has(verb.lemma) || verb.lemma === 'etre' || verb.lemma === 'be') continue;
    const subject = subjectBefore(sentence.chunks, index);
    const object = objectAfter(sentence.chunks, index)?.np;
    if (subject === undefined || object === undefined || !object.each) continue;
    if (!['un', 'une', 'a', 'an', 'le', 'la', 'the'].includes(subject.det?.fold ?? '') || !PERSON_NOUNS.has(npKey(subject, sentence.lang))) continue;
    if (entityOf(draft, sentence, object) === undefined) continue;
    declareFromPhrase(draft, sentence, subject, 0.6, `"${npText(subject)}" ${verb.tokens.map((t) => t.text).join(' ')} each ${npText(object)}`, 'weak');
  }
}

/** "gym app: members (…), coachs, classes (…)": a bare name listed among described entities is one too. */
export function readSiblings(draft: Draft, sentence: Sentence): void {
  const chunks = sentence.chunks;
  const described = chunks.some((c, k) => c.kind === 'np' && chunks[k + 1]?.kind === 'paren' && entityOf(draft, sentence, c)?.hasOwnFields);
  if (!described) return;
  chunks.forEach((c, k) => {
    if (c.kind !== 'np' || chunks[k + 1]?.kind === 'paren') return;
    const before = chunks[k - 1];
    const after = chunks[k + 1];
    const separated = (x: Chunk | undefined) => x === undefined || (x.kind === 'punct' && [',', ':', ';', '.'].includes(x.token.text)) || x.kind === 'conj';
    if (!separated(before) || !separated(after)) return;
    const prev = chunks[k - 2];
    const next = chunks[k + 2];
    const nearDescribed = (x: Chunk | undefined, y: Chunk | undefined) => x?.kind === 'paren' || y?.kind === 'np' && chunks[k + 3]?.kind === 'paren';
    if (!nearDescribed(prev, next)) return;
    declareFromPhrase(draft, sentence, c, 0.6, `listed among entities described in the same line`, 'weak');
  });
}

/** "For each attendee we keep name, email…", "pour chaque vache on note …": the list describes that entity. */
export function readEachLists(draft: Draft, sentence: Sentence): void {
  const chunks = sentence.chunks;
  const prep = chunks[0];
  const np = chunks[1];
  if (prep?.kind !== 'prep' || !['for', 'pour', 'of', 'de', 'per', 'par'].includes(prep.token.fold) || np?.kind !== 'np' || !np.each) return;
  const colon = chunks[2]?.kind === 'punct' && chunks[2].token.text === ':' ? chunks[2] : undefined;
  const verb = chunks.findIndex((c, k) => k > 1 && c.kind === 'verb');
  if (verb < 0 && colon === undefined) return;
  const from = colon !== undefined ? colon.end : (chunks[verb] as VerbGroup).end;
  const list = parseList(sentence.tokens, from, sentence.tokens.length);
  if (list.items.length < 2 || fieldLikeCount(list.items, sentence) * 2 < list.items.length) return;
  const entity = declareFromPhrase(draft, sentence, np, 0.8, `attributes kept "${prep.token.text} ${npText(np)}"`, 'strong');
  if (entity === undefined) return;
  for (const item of list.items) addItem(draft, sentence, entity, item, `kept for ${npText(np)}`, 0.8);
  entity.hasOwnFields = true;
}

const POSSESSIVES = new Set(['leur', 'leurs', 'son', 'sa', 'ses', 'their', 'his', 'her', 'its']);

/** "les clients donnent leur nom, leur téléphone…", "members enter their name and email": attributes of the subject. */
export function readPossessiveLists(draft: Draft, sentence: Sentence): void {
  for (const { verb, index } of verbs(sentence.chunks)) {
    if (verb.passive || HAS_LEMMAS.has(verb.lemma)) continue;
    const next = sentence.tokens[verb.end];
    if (next === undefined || !POSSESSIVES.has(next.fold)) continue;
    const subject = subjectBefore(sentence.chunks, index);
    if (subject === undefined) continue;
    const list = parseList(sentence.tokens, verb.end, sentence.tokens.length);
    if (list.items.length < 2 || fieldLikeCount(list.items, sentence) * 2 < list.items.length) continue;
    const entity = declareFromPhrase(draft, sentence, subject, 0.75, `"${npText(subject)}" give ${next.text} ${list.items.map((i) => i.name.map((t) => t.text).join(' ')).join(', ')}`, 'strong');
    if (entity === undefined) continue;
    for (const item of list.items) addItem(draft, sentence, entity, item, `given by ${npText(subject)}`, 0.75);
    entity.hasOwnFields = true;
  }
}

/** What is bought, booked or ordered, and what a whole is made of, is stored. */
export function readObjects(draft: Draft, sentence: Sentence): void {
  for (const { verb, index } of verbs(sentence.chunks)) {
    const next = sentence.chunks[index + 1];
    const composed = COMPOSE_LEMMAS.has(verb.lemma) && ['of', 'de', 'en', 'in', "d'"].includes(prepFold(next) ?? '');
    const object = composed ? (sentence.chunks[index + 2]?.kind === 'np' ? (sentence.chunks[index + 2] as NounPhrase) : undefined) : objectAfter(sentence.chunks, index)?.np;
    if (object === undefined || verb.negated) continue;
    const whole = subjectBefore(sentence.chunks, index);
    if (composed && whole !== undefined) {
      const wholeEntity = entityOf(draft, sentence, whole) ?? declareFromPhrase(draft, sentence, whole, 0.6, `made of ${npText(object)}`, 'weak');
      if (wholeEntity !== undefined) declareFromPhrase(draft, sentence, object, 0.65, `parts ${wholeEntity.label} is made of`, 'weak');
    } else if (!composed && TRANSACTION.test(verb.lemma) && !verb.passive && whole !== undefined) {
      declareFromPhrase(draft, sentence, object, 0.6, `what people ${verb.lemma}`, 'weak');
    }
  }
}

/**
 * A thin spec ("teachers publish courses made of lessons and students take quizzes") names its
 * entities only as what people act on. Used only when no entity was described with attributes,
 * where it cannot crowd out better evidence.
 */
export function readThinObjects(sentences: readonly Sentence[], draft: Draft): void {
  if (draft.entities.some((e) => e.hasOwnFields)) return;
  for (const sentence of sentences) {
    for (const { verb, index } of verbs(sentence.chunks)) {
      if (verb.passive || verb.negated || HAS_LEMMAS.has(verb.lemma) || verb.lemma === 'etre' || verb.lemma === 'be') continue;
      const subject = subjectBefore(sentence.chunks, index);
      const object = objectAfter(sentence.chunks, index)?.np;
      if (subject === undefined || object === undefined || !PERSON_NOUNS.has(npKey(subject, sentence.lang))) continue;
      if (!isPlural(object.words.at(-1)!.text, sentence.lang) && !['un', 'une', 'a', 'an', 'des'].includes(object.det?.fold ?? '')) continue;
      declareFromPhrase(draft, sentence, object, 0.55, `${npText(subject)} ${verb.tokens.map((t) => t.text).join(' ')} them`, 'weak');
    }
  }
}

/** "…is assigned to an agent", "appartient à un propriétaire": the far end exists even if never described. */
export function readRelationTargets(draft: Draft, sentence: Sentence): void {
  for (const { verb, index } of verbs(sentence.chunks)) {
    const subjectPhrase = subjectBefore(sentence.chunks, index);
    const belongs = BELONG_LEMMAS.has(verb.lemma);
    // "Chaque billet est rattaché à…", "Each distribution is given to one family": each one is a record.
    if (subjectPhrase?.each && (belongs || verb.passive)) declareFromPhrase(draft, sentence, subjectPhrase, 0.65, `"${npText(subjectPhrase)}" is described one by one`, 'weak');
    const subject = entityOf(draft, sentence, subjectPhrase);
    if (subject === undefined) continue;
    if (subjectPhrase?.each || (belongs && ['un', 'une', 'a', 'an'].includes(subjectPhrase?.det?.fold ?? ''))) readTemporalFields(draft, sentence, subject, index);
    if (!belongs) continue;
    // Every phrase it is linked to up to the next verb: "correspond à une date et à un menu".
    for (let k = index + 1; k < sentence.chunks.length; k += 1) {
      const target = sentence.chunks[k]!;
      if (target.kind === 'verb' || (target.kind === 'punct' && target.token.text === ':')) break;
      if (target.kind === 'np') declareFromPhrase(draft, sentence, target, 0.6, `${subject.label} is linked to ${npText(target)}`, 'weak');
    }
  }
}

