import type { Chunk, NounPhrase, Paren, VerbGroup } from './chunk.ts';
import { phraseKey, type Draft, type DraftEntity } from './draft.ts';
import { parseList, readValues, type ListItem } from './field-list.ts';
import { guessFieldType, looksLikeField } from './field-types.ts';
import { addItem } from './add-item.ts';
import { HAS_LEMMAS, declareLists, type Structure } from './declare-lists.ts';
import { ACCOUNT_NOUNS, CONTAINER_NOUNS, PERSON_NOUNS, nominalisation } from './lexicon-nouns.ts';
import { capitalise, fold, isPlural } from './normalise.ts';
import { declareFromPhrase, entityOf, fieldLikeCount, npKey, npText, objectAfter, origin, prepFold, subjectBefore, verbs } from './rule-helpers.ts';
import { BELONG_LEMMAS, MANAGE_LEMMAS, MANAGE_NOUNS } from './verb-classes.ts';
import { subSentence, type Sentence } from './sentence.ts';

/**
 * Pass B: entities that appear inside a clause — "Les étudiants (nom, prénom…) s'inscrivent",
 * "des plats avec un nom, un prix…", "pour gérer les patients et les rendez-vous", "les médecins
 * rédigent des ordonnances pour un patient : date, contenu…", and the records an action implies
 * ("les clients réservent une table pour une date…" → Réservation).
 */

const POSSESSIVE_PLURAL = new Set(['nos', 'mes', 'vos', 'leurs', 'ses', 'les', 'des', 'our', 'my', 'your', 'their', 'these', 'all', 'tous', 'toutes']);

function isParen(c: Chunk | undefined): c is Paren {
  return c?.kind === 'paren';
}

/** A clause of its own ("(each project has a title…)"), not an attribute with an infinitive ("à vendre oui/non"). */
function hasVerb(tokens: readonly { tag: string }[]): boolean {
  return tokens.some((t, i) => (t.tag === 'verb' || t.tag === 'have' || t.tag === 'modal') && i > 0 && (tokens[i - 1]!.tag === 'word' || tokens[i - 1]!.tag === 'pron'));
}

/** Attributes that are not mere adjectives: "confirmed, done" are values of a status, "tooth, cost" are attributes. */
function attributeCount(items: readonly ListItem[], sentence: Sentence): number {
  return items.filter((i) => {
    const name = fold(i.name.map((t) => t.text).join(' '));
    return i.unit !== undefined || (looksLikeField(name, sentence.lang === 'fr') && guessFieldType(name, sentence.lang === 'fr').type !== 'boolean');
  }).length;
}

/** The record an action creates, named in the sentence's language: réserver → Réservation. */
export function nominalEntity(draft: Draft, sentence: Sentence, verb: VerbGroup, declare: boolean, confidence: number): DraftEntity | undefined {
  const noun = nominalisation(verb.lemma);
  if (noun === undefined) return undefined;
  const existing = draft.findEntity(phraseKey([noun.fr], 'fr'), 'fr') ?? draft.findEntity(phraseKey([noun.en], 'en'), 'en');
  if (existing !== undefined || !declare) return existing;
  const word = sentence.lang === 'fr' ? noun.fr : noun.en;
  return draft.declareEntity(phraseKey([word], sentence.lang), capitalise(word), sentence.lang, origin(sentence, verb.tokens.at(-1), confidence, `"${verb.tokens.map((t) => t.text).join(' ')}" records a ${word}`));
}

interface Frame {
  verb: VerbGroup;
  verbIndex: number;
  subject: NounPhrase | undefined;
  object: NounPhrase | undefined;
  objectIndex: number;
  /** The object came after a preposition ("comment on tasks"). */
  viaPrep: boolean;
}

function frameBefore(sentence: Sentence, index: number): Frame | undefined {
  for (let v = index - 1; v >= 0; v -= 1) {
    const c = sentence.chunks[v]!;
    if (c.kind !== 'verb') continue;
    const direct = objectAfter(sentence.chunks, v);
    const prepObject = sentence.chunks[v + 1]?.kind === 'prep' && sentence.chunks[v + 2]?.kind === 'np' ? (sentence.chunks[v + 2] as NounPhrase) : undefined;
    return {
      verb: c,
      verbIndex: v,
      subject: subjectBefore(sentence.chunks, v),
      object: direct?.np ?? prepObject,
      objectIndex: direct !== undefined ? v + 1 : prepObject !== undefined ? v + 2 : -1,
      viaPrep: direct === undefined && prepObject !== undefined,
    };
  }
  return undefined;
}

/** Decides whose attributes a list in a clause describes, and links it to the clause's other entities. */
interface Target {
  entity: DraftEntity | undefined;
  /** Whether the clause's verb makes it (a record of the action, or its object): then it links to the other entities named. */
  linked: boolean;
}

function attachTarget(draft: Draft, sentence: Sentence, frame: Frame | undefined, near: NounPhrase, nearIndex: number, reason: string): Target {
  if (frame !== undefined) {
    const object = frame.object;
    const objectEntity = entityOf(draft, sentence, object);
    // "register new books (…) and new members (…)": a second object, coordinated with the first.
    if (sentence.chunks[nearIndex - 1]?.kind === 'conj' && frame.objectIndex >= 0 && nearIndex > frame.objectIndex) return { entity: declareFromPhrase(draft, sentence, near, 0.8, reason, 'strong'), linked: false };
    const nominal = nominalisation(frame.verb.lemma) !== undefined && (object === undefined || (objectEntity?.hasOwnFields ?? false));
    if (nominal && (nearIndex !== frame.objectIndex || objectEntity?.hasOwnFields)) {
      return { entity: nominalEntity(draft, sentence, frame.verb, true, 0.7), linked: true };
    }
    if (object !== undefined && ACCOUNT_NOUNS.has(npKey(object, sentence.lang)) && frame.subject !== undefined) {
      return { entity: declareFromPhrase(draft, sentence, frame.subject, 0.8, `"${npText(frame.subject)}" give their details when creating an account`, 'strong'), linked: false };
    }
    const ofContainer = object !== undefined && CONTAINER_NOUNS.has(npKey(object, sentence.lang)) && nearIndex === frame.objectIndex + 2 && ['de', 'des', 'du', "d'", 'of'].includes(prepFold(sentence.chunks[nearIndex - 1]) ?? '');
    if (ofContainer) return { entity: declareFromPhrase(draft, sentence, near, 0.8, reason, 'strong'), linked: false };
    if (object !== undefined && nearIndex !== frame.objectIndex && sentence.chunks[nearIndex - 1]?.kind === 'prep' && !frame.viaPrep) {
      return { entity: declareFromPhrase(draft, sentence, object, 0.75, reason, 'strong'), linked: true };
    }
    if (nearIndex === frame.objectIndex && !frame.viaPrep) return { entity: declareFromPhrase(draft, sentence, near, 0.8, reason, 'strong'), linked: true };
  }
  return { entity: declareFromPhrase(draft, sentence, near, 0.8, reason, 'strong'), linked: false };
}

/** Entities found late ("… correspond à un menu (entrée, plat…)") take the short list that follows their name. */
function readLateParens(draft: Draft, sentence: Sentence, structure: Structure): void {
  sentence.chunks.forEach((c, p) => {
    const near = sentence.chunks[p - 1];
    if (!isParen(c) || near?.kind !== 'np' || hasVerb(c.inner)) return;
    if ((structure.consumed.get(sentence.index) ?? []).some(([from, to]) => c.start >= from && c.start < to)) return;
    if (readAttributeOf(draft, sentence, p, c)) return;
    const entity = entityOf(draft, sentence, near);
    if (entity === undefined || entity.hasOwnFields || !c.inner.some((t) => t.text === ',')) return;
    const items = parseList(c.inner, 0, c.inner.length).items;
    if (items.length < 2 || !items.every((i) => i.name.length <= 3)) return;
    for (const item of items) addItem(draft, sentence, entity, item, `listed in parentheses after "${npText(near)}"`, 0.7);
    entity.hasOwnFields = true;
  });
}

/** "changer le statut d'une commande (reçue, en cours, prête)": the values of an attribute of that entity. */
function readAttributeOf(draft: Draft, sentence: Sentence, p: number, paren: Paren): boolean {
  const near = sentence.chunks[p - 1] as NounPhrase;
  const prep = sentence.chunks[p - 2];
  const attribute = sentence.chunks[p - 3];
  if (prep?.kind !== 'prep' || !['de', "d'", 'du', 'des', 'of'].includes(prep.token.fold) || attribute?.kind !== 'np') return false;
  const entity = entityOf(draft, sentence, near);
  if (entity === undefined || !looksLikeField(npKey(attribute, sentence.lang), sentence.lang === 'fr')) return false;
  const values = readValues(paren.inner);
  if (values === undefined) return false;
  addItem(draft, sentence, entity, { name: attribute.words, raw: attribute.words, values }, `"${npText(attribute)}" of ${entity.label}, with its values`, 0.8);
  return true;
}

/** Links a record to the entities named around it: subject, object, "pour un patient", "des étudiants". */
function linkAround(draft: Draft, sentence: Sentence, target: DraftEntity, frame: Frame | undefined, until: number): void {
  const seen = new Set<DraftEntity>([target]);
  const link = (np: NounPhrase | undefined, why: string) => {
    const other = entityOf(draft, sentence, np);
    if (other === undefined || seen.has(other)) return;
    seen.add(other);
    draft.addRelation(target, other, 'belongsTo', origin(sentence, np!.words[0], 0.65, why));
  };
  if (frame !== undefined) {
    link(frame.subject, `${target.label} is made by ${frame.subject === undefined ? '' : npText(frame.subject)}`);
    link(frame.object, `${target.label} is about ${frame.object === undefined ? '' : npText(frame.object)}`);
  }
  const from = frame === undefined ? 0 : frame.verbIndex + 1;
  for (let k = from; k < sentence.chunks.length; k += 1) {
    const c = sentence.chunks[k]!;
    if (k > until && (c.kind === 'verb' || (c.kind === 'punct' && c.token.text === ':'))) break;
    if (c.kind === 'np' && sentence.chunks[k - 1]?.kind === 'prep') link(c, `${target.label} is for ${npText(c)}`);
  }
}

function readParens(draft: Draft, sentence: Sentence, structure: Structure, depth: number): void {
  sentence.chunks.forEach((c, p) => {
    if (!isParen(c) || c.inner.length === 0) return;
    // Inside an attribute list already read ("a unit of measure (piece, kg, litre)"): values, not an entity.
    if ((structure.consumed.get(sentence.index) ?? []).some(([from, to]) => c.start >= from && c.start < to)) return;
    if (hasVerb(c.inner) && depth < 2) {
      const sub = subSentence(sentence, c.inner);
      declareLists([sub], draft);
      declareInClauses([sub], draft, structure, depth + 1);
      return;
    }
    const near = sentence.chunks[p - 1];
    if (near?.kind !== 'np') return;
    const nearKey = npKey(near, sentence.lang);
    if (readAttributeOf(draft, sentence, p, c)) return;
    // "(scan or photo)", "(oui/non)": alternatives, not a list of attributes.
    if (!c.inner.some((t) => t.text === ',' || t.text === ';' || (t.tag === 'conj' && ['et', 'and'].includes(t.fold)))) return;
    const list = parseList(c.inner, 0, c.inner.length);
    const items = list.items;
    if (items.length === 0 || items.every((i) => i.name[0]?.tag === 'num')) return;
    const known = draft.findEntity(nearKey, sentence.lang);
    const fieldLike = fieldLikeCount(items, sentence);
    // "un statut (prévu, honoré, annulé)" lists values; "des notes (tooth, procedure, cost)" lists attributes.
    if (looksLikeField(nearKey, sentence.lang === 'fr') && attributeCount(items, sentence) < 2) return;
    // A named but undescribed entity takes short nouns as its attributes: "un menu (entrée, plat, dessert)".
    const shortNouns = items.length >= 2 && items.every((i) => i.name.length <= 3);
    const attributes = fieldLike >= 2 || (fieldLike >= 1 && fieldLike * 2 >= items.length) || (known !== undefined && !known.hasOwnFields && shortNouns);
    if (!attributes) {
      // "Activities (call, meeting, email)", "les prestataires (traiteur, photographe, DJ)": kinds of a known entity.
      if (known?.hasOwnFields && items.length >= 2 && items.every((i) => i.name.length <= 3)) {
        const values = items.map((i) => i.name.map((t) => t.text).join(' '));
        addItem(draft, sentence, known, { name: [{ ...c.inner[0]!, text: 'type', fold: 'type' }], raw: [], values }, `kinds of ${known.label} listed in parentheses`, 0.6);
      }
      return;
    }
    const personLike = items.filter((i) => PERSON_NOUNS.has(phraseKey(i.name.map((t) => t.text), sentence.lang))).length;
    if (personLike > 0 && personLike >= items.length / 2) return;
    const frame = frameBefore(sentence, p);
    const { entity: target, linked } = attachTarget(draft, sentence, frame, near, p - 1, `attributes listed in parentheses after "${npText(near)}"`);
    if (target === undefined) return;
    for (const item of items) addItem(draft, sentence, target, item, `listed in parentheses after "${npText(near)}"`, 0.85);
    target.hasOwnFields = true;
    if (linked) linkAround(draft, sentence, target, frame, p);
  });
}

/** "En tant que client, je veux…", "As a librarian, I want…": who the sentence speaks for. */
export function speaker(sentence: Sentence): NounPhrase | undefined {
  const t = sentence.tokens;
  const asA = (t[0]?.fold === 'en' && t[1]?.fold === 'tant' && (t[2]?.fold === 'que' || t[2]?.fold === "qu'")) || t[0]?.fold === 'as';
  if (!asA) return undefined;
  const np = sentence.chunks.find((c) => c.kind === 'np');
  return np?.kind === 'np' ? np : undefined;
}

function readWithLists(draft: Draft, sentence: Sentence, structure: Structure): void {
  sentence.chunks.forEach((c, w) => {
    if (c.kind !== 'prep' || !['avec', 'with'].includes(c.token.fold)) return;
    const list = parseList(sentence.tokens, c.end, sentence.tokens.length);
    if (list.items.length === 0 || fieldLikeCount(list.items.slice(0, 1), sentence) === 0) return;
    const before = sentence.chunks[w - 1];
    let target = structure.heads.get(sentence.index);
    const frame = frameBefore(sentence, w);
    // "Activities are logged on a deal with a date and notes": a passive clause describes its subject.
    if (target === undefined && frame?.verb.passive && frame.subject !== undefined) {
      target = declareFromPhrase(draft, sentence, frame.subject, 0.75, `"${npText(frame.subject)}" is recorded with these attributes`, 'strong');
    }
    // "je veux créer un compte avec mon nom…", "En tant que client": the account is the person's.
    if (target === undefined && before?.kind === 'np' && ACCOUNT_NOUNS.has(npKey(before, sentence.lang))) {
      const person = speaker(sentence) ?? frame?.subject;
      if (person !== undefined) target = declareFromPhrase(draft, sentence, person, 0.75, `"${npText(person)}" gives these details with the account`, 'strong');
      if (target === undefined) return;
    }
    if (target === undefined && before?.kind === 'np' && !looksLikeField(npKey(before, sentence.lang), sentence.lang === 'fr')) {
      target = declareFromPhrase(draft, sentence, before, 0.8, `"${npText(before)}" comes with its attributes`, 'strong');
    } else if (target === undefined) {
      const subject = frame?.subject ?? (sentence.chunks[0]?.kind === 'np' ? sentence.chunks[0] : undefined);
      if (subject !== undefined) target = declareFromPhrase(draft, sentence, subject, 0.75, `"${npText(subject)}" comes with its attributes`, 'strong');
    }
    if (target === undefined) return;
    for (const item of list.items) addItem(draft, sentence, target, item, `listed after "${c.token.text}"`, 0.8);
    target.hasOwnFields = true;
  });
}

function readManaged(draft: Draft, sentence: Sentence): void {
  sentence.chunks.forEach((c, k) => {
    let start = -1;
    if (c.kind === 'verb' && MANAGE_LEMMAS.has(c.lemma) && !c.passive) start = k + 1;
    // "la liste des réservations": the quantifier names what is listed.
    if (c.kind === 'np' && c.many && sentence.chunks[k - 1]?.kind === 'verb' && sentence.tokens.slice(c.start, c.end).some((t) => t.fold === 'liste' || t.fold === 'list')) {
      declareFromPhrase(draft, sentence, c, 0.6, `a list of ${npText(c)} is kept`, 'weak');
    }
    const next = sentence.chunks[k + 1];
    if (c.kind === 'np' && c.words.length === 1 && MANAGE_NOUNS.has(c.words[0]!.fold)) {
      // "la liste des réservations", "gestion de stock": what is listed or managed.
      if (next?.kind === 'prep') start = k + 2;
      else if (next?.kind === 'np' && ['des', 'du'].includes(next.det?.fold ?? '')) start = k + 1;
    }
    if (start < 0) return;
    for (let j = start; j < sentence.chunks.length; j += 1) {
      const next = sentence.chunks[j]!;
      if (next.kind === 'conj' || (next.kind === 'punct' && next.token.text === ',')) continue;
      if (next.kind === 'prep' && ['de', 'des', 'du', 'of', "d'"].includes(next.token.fold) && j === start) continue;
      if (next.kind !== 'np') break;
      const last = next.words.at(-1)!;
      const plural = isPlural(last.text, sentence.lang) || next.many || (next.det !== undefined && POSSESSIVE_PLURAL.has(next.det.fold)) || (next.det === undefined && sentence.chunks[j - 1]?.kind === 'prep');
      if (plural) declareFromPhrase(draft, sentence, next, 0.65, `the app manages ${npText(next)}`, 'weak');
    }
  });
}

/** "Les médecins rédigent des ordonnances pour un patient : date, contenu…" — a list after a colon or "pour". */
function readClauseLists(draft: Draft, sentence: Sentence, structure: Structure): void {
  if (structure.heads.has(sentence.index)) return;
  for (const { verb, index } of verbs(sentence.chunks)) {
    if (HAS_LEMMAS.has(verb.lemma) || verb.lemma === 'etre' || verb.lemma === 'be') continue;
    const managing = MANAGE_LEMMAS.has(verb.lemma);
    // A colon before the next verb opens the list; otherwise "pour/for" may ("pour une date, une heure…").
    let listAt = -1;
    for (let k = index + 1; k < sentence.chunks.length; k += 1) {
      const c = sentence.chunks[k]!;
      if (c.kind === 'verb') break;
      if (c.kind === 'punct' && c.token.text === ':') {
        listAt = k;
        break;
      }
      if (listAt < 0 && !managing && c.kind === 'prep' && ['pour', 'for'].includes(c.token.fold)) listAt = k;
    }
    for (let k = listAt; k >= 0 && k < sentence.chunks.length; k = sentence.chunks.length) {
      const c = sentence.chunks[k]!;
      const colon = c.kind === 'punct' && c.token.text === ':';
      const list = parseList(sentence.tokens, c.end, sentence.tokens.length);
      if (list.items.length < (colon ? 1 : 2) || fieldLikeCount(list.items, sentence) * 2 < list.items.length) continue;
      const frame = frameBefore(sentence, k);
      if (frame === undefined || frame.verb !== verb) break;
      const objectEntity = entityOf(draft, sentence, frame.object);
      let target: DraftEntity | undefined;
      if ((BELONG_LEMMAS.has(verb.lemma) || verb.passive || frame.viaPrep || frame.object === undefined) && frame.subject !== undefined && PERSON_NOUNS.has(npKey(frame.subject, sentence.lang)) === false) target = declareFromPhrase(draft, sentence, frame.subject, 0.8, `"${npText(frame.subject)}" is described after the colon`, 'strong');
      else if (managing) target = frame.object === undefined ? undefined : declareFromPhrase(draft, sentence, frame.object, 0.8, `"${npText(frame.object)}" are managed with these attributes`, 'weak');
      else if (nominalisation(verb.lemma) !== undefined && (frame.object === undefined || objectEntity?.hasOwnFields)) target = nominalEntity(draft, sentence, verb, true, 0.75);
      else if (frame.object !== undefined && ACCOUNT_NOUNS.has(npKey(frame.object, sentence.lang)) && frame.subject !== undefined) target = declareFromPhrase(draft, sentence, frame.subject, 0.8, 'details given with the account', 'strong');
      else if (frame.object !== undefined && !objectEntity?.hasOwnFields) target = declareFromPhrase(draft, sentence, frame.object, 0.75, `"${npText(frame.object)}" are recorded with their attributes`, 'strong');
      if (target === undefined) break;
      for (const item of list.items) addItem(draft, sentence, target, item, `listed after "${verb.tokens.map((t) => t.text).join(' ')} … ${colon ? ':' : 'pour'}"`, 0.75);
      target.hasOwnFields = true;
      linkAround(draft, sentence, target, frame, k);
      break;
    }
  }
}

import { readActors, readEachLists, readObjects, readPossessiveLists, readRelationTargets, readSiblings, readThinObjects } from './declare-mentions.ts';

/** Entities with attribute lists first, so that the action rules know which objects are already described. */
export function declareInClauses(sentences: readonly Sentence[], draft: Draft, structure: Structure, depth = 0): void {
  const body = sentences.filter((s) => s.block.kind !== 'heading');
  for (const sentence of body) {
    readManaged(draft, sentence);
    readEachLists(draft, sentence);
    readPossessiveLists(draft, sentence);
    readWithLists(draft, sentence, structure);
    readParens(draft, sentence, structure, depth);
  }
  for (const sentence of body) {
    readClauseLists(draft, sentence, structure);
    readRelationTargets(draft, sentence);
    readSiblings(draft, sentence);
    readActors(draft, sentence);
    readObjects(draft, sentence);
  }
  if (depth === 0) readThinObjects(body, draft);
  for (const sentence of body) readLateParens(draft, sentence, structure);
}

