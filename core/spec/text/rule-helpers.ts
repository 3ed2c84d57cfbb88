import type { Chunk, NounPhrase, VerbGroup } from './chunk.ts';
import { phraseKey, phraseLabel, type Draft, type DraftEntity, type DraftField, type Origin } from './draft.ts';
import { guessFieldType, headWord, looksLikeField } from './field-types.ts';
import { itemText, UNITS, type ListItem } from './field-list.ts';
import { CONTAINER_NOUNS, GENERIC_NOUNS, NEVER_ENTITY } from './lexicon-nouns.ts';
import { fold, type WritingLanguage } from './normalise.ts';
import { tokenLine, type Sentence } from './sentence.ts';
import type { Token } from './tokenise.ts';

/** Shared vocabulary of the extraction rules: origins, phrases, subjects and objects, fields from list items. */

export function origin(sentence: Sentence, token: Token | undefined, confidence: number, reason: string): Origin {
  return { line: tokenLine(sentence, token), sentence: sentence.index, confidence, reason };
}

export function npKey(np: NounPhrase, lang: WritingLanguage): string {
  return phraseKey(np.words.map((t) => t.text), lang);
}

export function npText(np: NounPhrase): string {
  return np.words.map((t) => t.text).join(' ').replace(/ ?' ?/g, "'");
}

/** Words that make a phrase a poor entity name on their own. */
function headOf(key: string, lang: WritingLanguage): string {
  const words = key.split(' ').filter((w) => !['de', 'du', 'des', 'd', 'of', 'la', 'le', 'l'].includes(w));
  return headWord(words, lang === 'fr');
}

export type Strength = 'strong' | 'weak';

/**
 * Whether a phrase may name an entity. Strong evidence (an attribute list of its own) only
 * excludes the software's own parts; weak evidence (named in passing) also excludes generic words
 * and containers such as "la carte" or "the catalogue".
 */
export function plausibleEntity(key: string, lang: WritingLanguage, strength: Strength): boolean {
  if (key === '' || key.length < 2 || key.length > 60) return false;
  const words = key.split(' ');
  if (words.length > 4) return false;
  if (/^\d/.test(key) || !/[a-z]/.test(key)) return false;
  const head = headOf(key, lang);
  if (NEVER_ENTITY.has(key) || NEVER_ENTITY.has(head)) return false;
  if (strength === 'strong') return true;
  if (GENERIC_NOUNS.has(key) || GENERIC_NOUNS.has(head) || CONTAINER_NOUNS.has(key) || CONTAINER_NOUNS.has(head)) return false;
  return !looksLikeField(key, lang === 'fr');
}

export function declareFromPhrase(draft: Draft, sentence: Sentence, np: NounPhrase, confidence: number, reason: string, strength: Strength): DraftEntity | undefined {
  const key = npKey(np, sentence.lang);
  const known = draft.findEntity(key, sentence.lang);
  if (known !== undefined) return known;
  if (!plausibleEntity(key, sentence.lang, strength)) return undefined;
  const label = phraseLabel(np.words, sentence.lang);
  return draft.declareEntity(key, label.charAt(0).toLocaleUpperCase('fr') + label.slice(1), sentence.lang, origin(sentence, np.words[0], confidence, reason));
}

export function declareFromTokens(draft: Draft, sentence: Sentence, words: readonly Token[], confidence: number, reason: string, strength: Strength): DraftEntity | undefined {
  return declareFromPhrase(draft, sentence, { kind: 'np', start: 0, end: 0, det: undefined, many: false, each: false, words: [...words] }, confidence, reason, strength);
}

export function entityOf(draft: Draft, sentence: Sentence, np: NounPhrase | undefined): DraftEntity | undefined {
  if (np === undefined) return undefined;
  return draft.findEntity(npKey(np, sentence.lang), sentence.lang);
}

const CLITICS = new Set(['y', 'en', 'le', 'la', 'les', "l'", 'lui', 'leur', 'me', "m'", 'te', "t'", 'se', "s'", 'nous', 'vous']);

/** The noun phrase right before chunk `index` (skipping a parenthesis and fillers), if any. */
export function subjectBefore(chunks: readonly Chunk[], index: number): NounPhrase | undefined {
  for (let k = index - 1; k >= 0; k -= 1) {
    const c = chunks[k]!;
    // Fillers and object pronouns sit between subject and verb: "les élèves y participent".
    if (c.kind === 'paren' || (c.kind === 'other' && (c.token.tag === 'filler' || (c.token.tag === 'pron' && CLITICS.has(c.token.fold))))) continue;
    if (c.kind === 'np') {
      // "Les médecins du cabinet rédigent…": the subject is the first phrase of a "de" chain.
      let first = c;
      for (let j = k; j > 0; ) {
        const prev = chunks[j - 1];
        const current = chunks[j] as NounPhrase;
        // "les bénévoles du siège": "du"/"des" open a complement of the phrase before.
        if (prev?.kind === 'np' && current.det !== undefined && ['du', 'des', 'de'].includes(current.det.fold)) {
          first = prev;
          j -= 1;
          continue;
        }
        if (prev?.kind === 'prep' && ['de', 'du', 'des', 'of', "d'"].includes(prev.token.fold) && chunks[j - 2]?.kind === 'np') {
          first = chunks[j - 2] as NounPhrase;
          j -= 2;
          continue;
        }
        break;
      }
      return first;
    }
    if (c.kind === 'conj') {
      // "Une commande est passée par un client et contient…": the subject of the first verb.
      for (let v = k - 1; v >= 0; v -= 1) if (chunks[v]!.kind === 'verb') return subjectBefore(chunks, v);
    }
    return undefined;
  }
  return undefined;
}

/** The direct object of a verb: the phrase right after it. */
export function objectAfter(chunks: readonly Chunk[], verbIndex: number): { np: NounPhrase; index: number } | undefined {
  let k = verbIndex + 1;
  while (chunks[k]?.kind === 'other' && (chunks[k] as { token: Token }).token.tag === 'filler') k += 1;
  const next = chunks[k];
  if (next?.kind === 'np') return { np: next, index: k };
  return undefined;
}

export function prepFold(chunk: Chunk | undefined): string | undefined {
  return chunk?.kind === 'prep' ? chunk.token.fold : undefined;
}

export function verbs(chunks: readonly Chunk[]): { verb: VerbGroup; index: number }[] {
  const found: { verb: VerbGroup; index: number }[] = [];
  chunks.forEach((c, index) => {
    if (c.kind === 'verb') found.push({ verb: c, index });
  });
  return found;
}

export function isMany(np: NounPhrase, lang: WritingLanguage): boolean {
  if (np.many) return true;
  const det = np.det?.fold;
  return det === 'des' || (lang === 'en' && det === undefined && /[^s]s$/.test(np.words.at(-1)?.fold ?? ''));
}

const FILE_WORDS = /^(scans?|photos?|images?|pictures?|pdfs?|fichiers?|files?|documents?|pieces? jointes?|photocopies?|copies?|uploads?)$/;
const IMAGE_WORDS = /^(photos?|images?|pictures?)$/;

/** How many items of a list read as attributes (units such as "kg" do not). */
export function fieldLikeCount(items: readonly ListItem[], sentence: Sentence): number {
  return items.filter((i) => {
    const name = fold(i.name.map((t) => t.text).join(' '));
    return !UNITS.has(name) && (i.boolean === true || i.unit !== undefined || looksLikeField(name, sentence.lang === 'fr'));
  }).length;
}

/** Turns a list item into a field of `entity`, with its type and the reason for it. */
export function fieldFromItem(draft: Draft, entity: DraftEntity, item: ListItem, sentence: Sentence, confidence: number, reason: string): DraftField | undefined {
  const label = itemText(item).replace(/\s+/g, ' ').trim();
  if (label === '' || label.length > 80) return undefined;
  const key = fold(label).replace(/['’]/g, "'");
  const french = sentence.lang === 'fr' || /\b(de|du|des|d')\b/.test(key);
  const guess = guessFieldType(key.replace(/^(l|d)'/, ''), french);
  const field: DraftField = {
    key: phraseKey(item.name.map((t) => t.text), sentence.lang),
    label,
    type: guess.type,
    typeReason: guess.reason,
    origin: origin(sentence, item.name[0], confidence, reason),
  };
  if (item.boolean) {
    field.type = 'boolean';
    field.typeReason = 'worded as yes/no';
  } else if (item.values !== undefined && item.values.length >= 2) {
    field.type = 'enum';
    field.values = item.values;
    field.typeReason = `values listed: ${item.values.join(', ')}`;
  }
  if (item.min !== undefined || item.max !== undefined) {
    if (item.min !== undefined) field.min = item.min;
    if (item.max !== undefined) field.max = item.max;
    if (field.type === 'string' || field.type === 'text') {
      const integral = Number.isInteger(item.min ?? 0) && Number.isInteger(item.max ?? 0) && item.min !== 0;
      field.type = integral ? 'integer' : 'decimal';
      field.typeReason = `a number from ${item.min ?? 0} to ${item.max ?? '…'}`;
    }
  }
  // "receipt (scan or photo)": the alternatives are kinds of file.
  if (field.type === 'enum' && field.values !== undefined && field.values.every((v) => FILE_WORDS.test(fold(v)))) {
    field.type = field.values.every((v) => IMAGE_WORDS.test(fold(v))) ? 'image' : 'file';
    field.typeReason = `given as ${field.values.join(' or ')}`;
    delete field.values;
  }
  if (item.unit !== undefined) {
    field.unit = item.unit;
    if (field.type === 'string' || field.type === 'text') {
      field.type = 'decimal';
      field.typeReason = `measured in ${item.unit}`;
    }
  }
  if (item.required !== undefined) field.required = item.required;
  if (item.unique === true || guess.unique === true) field.unique = true;
  if (item.description !== undefined && item.values === undefined) field.description = item.description.slice(0, 500);
  return draft.addField(entity, field);
}
