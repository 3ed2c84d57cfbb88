import type { NounPhrase } from './chunk.ts';
import type { Draft, DraftEntity } from './draft.ts';
import { nominalEntity } from './declare-clauses.ts';
import { BELONG_LEMMAS, COMPOSE_LEMMAS } from './verb-classes.ts';
import { HAS_LEMMAS, type Structure } from './declare-lists.ts';
import { nominalisation } from './lexicon-nouns.ts';
import { entityOf, isMany, npText, origin, prepFold, subjectBefore, verbs } from './rule-helpers.ts';
import type { Sentence } from './sentence.ts';

/**
 * Pass C: relations between entities already found. "Chaque X a plusieurs Y", "Y belongs to X",
 * "est rattaché à", passives ("is handled by a lawyer"), "pour un patient", "les notes des
 * étudiants", actions between two entities ("les adhérents s'inscrivent aux événements"), and
 * the entities named in a sentence that describes another one.
 */

/** Verbs of looking and editing say who may do what, not how records link. */
const NO_RELATION_LEMMAS = new Set(['voir', 'see', 'view', 'consulter', 'consult', 'acceder', 'access', 'gerer', 'manage', 'modifier', 'edit',
  'supprimer', 'delete', 'chercher', 'search', 'rechercher', 'browse', 'filtrer', 'filter', 'exporter', 'export', 'importer', 'import',
  'imprimer', 'print', 'telecharger', 'download', 'lister', 'list', 'afficher', 'display', 'valider', 'validate', 'approuver', 'approve',
  'refuser', 'reject', 'recevoir', 'receive', 'envoyer', 'send', 'contacter', 'contact', 'notifier', 'notify', 'etre', 'be']);

/** The phrases after a verb, up to the next verb: "est faite sur une parcelle par un ouvrier". */
function phrasesAfter(sentence: Sentence, index: number): NounPhrase[] {
  const found: NounPhrase[] = [];
  for (let k = index + 1; k < sentence.chunks.length; k += 1) {
    const c = sentence.chunks[k]!;
    if (c.kind === 'verb' || (c.kind === 'conj' && sentence.chunks[k + 1]?.kind === 'verb')) break;
    if (c.kind === 'punct' && c.token.text === ':') break;
    if (c.kind === 'np') found.push(c);
  }
  return found;
}

function relate(draft: Draft, sentence: Sentence, from: DraftEntity | undefined, to: DraftEntity | undefined, kind: 'belongsTo' | 'hasMany' | 'manyToMany', confidence: number, reason: string, at: NounPhrase | undefined): void {
  if (from === undefined || to === undefined || from === to) return;
  draft.addRelation(from, to, kind, origin(sentence, at?.words[0], confidence, reason));
}

function verbRelations(draft: Draft, sentence: Sentence, structure: Structure, topics: ReadonlyMap<number, DraftEntity>): void {
  verbs(sentence.chunks).forEach(({ verb, index }, n) => {
    if (verb.negated) return;
    const subjectPhrase = subjectBefore(sentence.chunks, index);
    const subject = entityOf(draft, sentence, subjectPhrase) ?? (n === 0 && subjectPhrase === undefined ? structure.heads.get(sentence.index) : undefined);
    if (subject === undefined) {
      // "les parents réservent les repas": the réservation exists even if parents are not stored.
      const record = nominalisation(verb.lemma) === undefined ? undefined : nominalEntity(draft, sentence, verb, false, 0.6);
      const object = phrasesAfter(sentence, index)[0];
      if (record !== undefined && object !== undefined) relate(draft, sentence, record, entityOf(draft, sentence, object), 'belongsTo', 0.6, `a ${record.label} is made for ${npText(object)}`, object);
      return;
    }
    const after = phrasesAfter(sentence, index);
    const said = `"${sentence.text.length > 100 ? `${sentence.text.slice(0, 100)}…` : sentence.text}"`;
    if (COMPOSE_LEMMAS.has(verb.lemma) && ['of', 'de', 'en', 'in', "d'"].includes(prepFold(sentence.chunks[index + 1]) ?? '')) {
      const part = after[0];
      relate(draft, sentence, subject, entityOf(draft, sentence, part), 'hasMany', 0.8, `${said}: made of ${part === undefined ? '' : npText(part)}`, part);
      return;
    }
    if (HAS_LEMMAS.has(verb.lemma)) {
      const first = after[0];
      const target = entityOf(draft, sentence, first);
      if (first !== undefined && target !== undefined && isMany(first, sentence.lang)) relate(draft, sentence, subject, target, 'hasMany', 0.85, `${said}: one ${subject.label} has many ${target.label}`, first);
      return;
    }
    // "Each appointment is for one patient and one dentist", "est pour un adhérent".
    const nextChunk = sentence.chunks.slice(index + 1).find((c) => c.kind !== 'other');
    const beFor = (verb.lemma === 'be' || verb.lemma === 'etre') && ['for', 'pour', 'about', 'concerning', 'dans', 'in', 'within', 'inside', 'sous', 'under', 'of', 'de', 'du', 'with', 'avec', 'entre', 'between'].includes(prepFold(nextChunk) ?? '');
    if (BELONG_LEMMAS.has(verb.lemma) || verb.passive || beFor) {
      for (const np of after) {
        const target = entityOf(draft, sentence, np);
        const many = isMany(np, sentence.lang) || np.many;
        relate(draft, sentence, subject, target, many ? 'manyToMany' : 'belongsTo', 0.8, `${said}: ${subject.label} ${many ? 'is linked to several' : 'belongs to a'} ${target?.label ?? ''}`, np);
      }
      return;
    }
    meetingRelations(draft, sentence, subject, index);
    if (NO_RELATION_LEMMAS.has(verb.lemma)) return;
    // "fait appel à plusieurs prestataires": the object may come after a light noun.
    const objectPhrase = after.slice(0, 3).find((np) => entityOf(draft, sentence, np) !== undefined) ?? after[0];
    const object = entityOf(draft, sentence, objectPhrase) ?? pronounObject(topics, sentence, verb.start);
    if (object === undefined || object === subject) return;
    if (nominalisation(verb.lemma) !== undefined) {
      const record = nominalEntity(draft, sentence, verb, false, 0.6);
      if (record !== undefined && record !== subject && record !== object) {
        relate(draft, sentence, record, subject, 'belongsTo', 0.7, `${said}: a ${record.label} links ${subject.label} and ${object.label}`, subjectPhrase);
        relate(draft, sentence, record, object, 'belongsTo', 0.7, `${said}: a ${record.label} links ${subject.label} and ${object.label}`, objectPhrase);
        return;
      }
      relate(draft, sentence, subject, object, 'manyToMany', 0.7, `${said}: ${subject.label} and ${object.label} are linked by "${verb.tokens.map((t) => t.text).join(' ')}"`, objectPhrase);
      return;
    }
    const many = objectPhrase !== undefined && (isMany(objectPhrase, sentence.lang) || objectPhrase.many);
    relate(draft, sentence, subject, object, many ? 'hasMany' : 'belongsTo', 0.55, `${said}: ${subject.label} ${verb.tokens.map((t) => t.text).join(' ')} ${objectPhrase === undefined ? object.label : npText(objectPhrase)}`, objectPhrase);
  });
}

/** "Vets see pets during appointments": the record named after "during" links the two. */
function meetingRelations(draft: Draft, sentence: Sentence, subject: DraftEntity, verbIndex: number): void {
  const after = sentence.chunks.slice(verbIndex + 1);
  const object = after[0]?.kind === 'np' ? entityOf(draft, sentence, after[0]) : undefined;
  if (object === undefined) return;
  after.forEach((c, k) => {
    const prep = after[k - 1];
    if (c.kind !== 'np' || prep?.kind !== 'prep' || !['during', 'pendant', 'lors', 'at', 'in', 'dans', 'en'].includes(prep.token.fold)) return;
    const meeting = entityOf(draft, sentence, c);
    if (meeting === undefined || meeting === subject || meeting === object) return;
    relate(draft, sentence, meeting, subject, 'belongsTo', 0.5, `${npText(c)} bring ${subject.label} and ${object.label} together`, c);
    relate(draft, sentence, meeting, object, 'belongsTo', 0.5, `${npText(c)} bring ${subject.label} and ${object.label} together`, c);
  });
}

/** "Auditions : date, lieu ; les élèves y participent": "y" is the entity the previous clause was about. */
function pronounObject(topics: ReadonlyMap<number, DraftEntity>, sentence: Sentence, verbStart: number): DraftEntity | undefined {
  const before = sentence.tokens[verbStart - 1];
  const after = sentence.tokens.slice(verbStart, verbStart + 4).find((t) => t.tag === 'pron');
  const pronoun = before?.fold === 'y' || before?.fold === 'en' && before.tag === 'pron' || (after !== undefined && ['them', 'it'].includes(after.fold));
  if (!pronoun) return undefined;
  return topics.get(sentence.index - 1);
}

/** "les notes des étudiants", "the author of a book", "pour chaque parcelle … des cultures". */
function phraseRelations(draft: Draft, sentence: Sentence): void {
  const chunks = sentence.chunks;
  chunks.forEach((c, k) => {
    if (c.kind !== 'np') return;
    const entity = entityOf(draft, sentence, c);
    if (entity === undefined) return;
    const prep = chunks[k - 1];
    // French "des/du" after a noun is "de + article": "les notes des étudiants".
    const genitiveDet = prep?.kind === 'np' && c.det !== undefined && ['des', 'du'].includes(c.det.fold);
    const owner = genitiveDet ? prep : prep?.kind === 'prep' && ['des', 'du', 'de', "d'", 'of'].includes(prep.token.fold) ? chunks[k - 2] : undefined;
    if (owner?.kind === 'np') {
      const ownerEntity = entityOf(draft, sentence, owner);
      relate(draft, sentence, ownerEntity, entity, 'belongsTo', 0.6, `"${npText(owner)} … ${npText(c)}"`, c);
      return;
    }
    if (prep?.kind === 'prep' && ['pour', 'for', 'per', 'par'].includes(prep.token.fold) && c.each) {
      // "pour chaque parcelle on enregistre des cultures": one record per entity — the clause's object, else its subject.
      const verb = verbs(chunks).find(({ index }) => index !== k)?.index;
      if (verb === undefined) return;
      const target = chunks[verb + 1]?.kind === 'np' ? chunks[verb + 1] : subjectBefore(chunks, verb);
      const record = target?.kind === 'np' ? entityOf(draft, sentence, target) : undefined;
      relate(draft, sentence, record, entity, 'belongsTo', 0.65, `"${prep.token.text} ${npText(c)}": one ${record?.label ?? ''} per ${entity.label}`, c);
    }
  });
}

/** A sentence about one entity ("Time entries: a lawyer logs hours on a case…") links it to the others it names. */
function headMentions(draft: Draft, sentence: Sentence, structure: Structure): void {
  const head = structure.heads.get(sentence.index);
  const info = structure.headInfo.get(sentence.index);
  if (head === undefined || info === undefined) return;
  for (const c of sentence.chunks) {
    if (c.kind !== 'np' || c === info.np) continue;
    const other = entityOf(draft, sentence, c);
    if (other === undefined || other === head) continue;
    const many = isMany(c, sentence.lang) || c.many;
    relate(draft, sentence, head, other, many ? 'manyToMany' : 'belongsTo', 0.55, `the line about ${head.label} names ${other.label}`, c);
  }
}

export function findRelations(sentences: readonly Sentence[], draft: Draft, structure: Structure): void {
  // What each sentence is about (its "Head:" or first entity), for pronouns in the next one.
  const topics = new Map<number, DraftEntity>();
  for (const sentence of sentences) {
    const topic = structure.heads.get(sentence.index) ?? sentence.chunks.map((c) => (c.kind === 'np' ? entityOf(draft, sentence, c) : undefined)).find((e) => e !== undefined);
    if (topic !== undefined) topics.set(sentence.index, topic);
  }
  for (const sentence of sentences) {
    if (sentence.block.kind === 'heading') continue;
    verbRelations(draft, sentence, structure, topics);
    phraseRelations(draft, sentence);
    headMentions(draft, sentence, structure);
  }
}
