import { EN_NOUN_LIKE_VERBS, guessFrenchLemma, verbForm } from './lexicon-verbs.ts';
import {
  BE_FORMS, CONJUNCTIONS, DETERMINERS, ELISIONS, FILLERS, HAVE_FORMS, MANY_WORDS, MODALS, NEGATIONS, PREPOSITIONS, PRONOUNS, SUBJECT_PRONOUNS,
} from './lexicon-words.ts';
import { fold, type WritingLanguage } from './normalise.ts';

export type Tag =
  | 'det' | 'many' | 'prep' | 'conj' | 'pron' | 'neg' | 'be' | 'have' | 'modal' | 'verb' | 'part'
  | 'num' | 'word' | 'filler' | 'punct' | 'open' | 'close' | 'quote';

export interface Token {
  text: string;
  fold: string;
  /** Offsets in the block text, to find the source line. */
  start: number;
  end: number;
  tag: Tag;
  /** For verbs: the infinitive, folded. */
  lemma?: string;
}

const WORD = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/uy;
const NUMBER = /\d+(?:[.,]\d+)?/y;
const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);
const QUOTES = new Set(['"', '«', '»', '“', '”', '„']);
/** Forms of être/avoir; the rest of BE_FORMS/HAVE_FORMS is English. */
const FRENCH_ONLY = new Set(['est', 'sont', 'etre', 'ete', 'sera', 'seront', 'serait', 'seraient', 'etait', 'etaient', 'suis', 'sommes', 'etes', 'es', 'soit', 'soient',
  'a', 'ont', 'avoir', 'eu', 'aura', 'auront', 'aurait', 'ai', 'as', 'avons', 'avez', 'avait', 'avaient']);

/** Splits a sentence into words, numbers and punctuation; French elisions become their own token. */
export function tokenise(text: string, base = 0): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/u.test(ch)) {
      i += 1;
      continue;
    }
    NUMBER.lastIndex = i;
    WORD.lastIndex = i;
    const word = WORD.exec(text);
    if (word !== null) {
      let value = word[0];
      // "e.g" style dots inside words are abbreviations; a trailing dotted part is a sentence end, not part of the word.
      if (value.includes('.') && !/^\d+(?:\.\d+)+$/.test(value) && !/^(?:\p{L}\.)+\p{L}$/u.test(value)) value = value.split('.')[0]!;
      pushWord(tokens, value, base + i);
      i += value.length;
      continue;
    }
    const kind: Tag = OPEN.has(ch) ? 'open' : CLOSE.has(ch) ? 'close' : QUOTES.has(ch) ? 'quote' : 'punct';
    tokens.push({ text: ch, fold: ch, start: base + i, end: base + i + 1, tag: kind });
    i += 1;
  }
  return tokens;
}

function pushWord(tokens: Token[], value: string, start: number): void {
  const normalised = value.replace(/’/g, "'");
  const elided = /^([\p{L}]{1,7})'(.+)$/u.exec(normalised);
  if (elided !== null && ELISIONS.has(fold(elided[1]!))) {
    const head = `${elided[1]!}'`;
    tokens.push({ text: head, fold: fold(head), start, end: start + head.length, tag: 'word' });
    pushWord(tokens, value.slice(head.length), start + head.length);
    return;
  }
  const possessive = /^(.+)'s$/iu.exec(normalised);
  if (possessive !== null) {
    const body = possessive[1]!;
    tokens.push({ text: body, fold: fold(body), start, end: start + body.length, tag: 'word' });
    return;
  }
  tokens.push({ text: value, fold: fold(normalised), start, end: start + value.length, tag: /^\d/.test(value) ? 'num' : 'word' });
}

const MANY_SEQUENCES = [
  ['un', 'ou', 'plusieurs'], ['une', 'ou', 'plusieurs'], ['one', 'or', 'more'], ['one', 'or', 'many'], ['zero', 'or', 'more'],
  ['au', 'moins', 'un'], ['au', 'moins', 'une'], ['at', 'least', 'one'], ['a', 'lot', 'of'], ['lots', 'of'], ['de', 'nombreux'],
  ['de', 'nombreuses'], ['a', 'number', 'of'], ['a', 'list', 'of'], ['une', 'liste', 'de'], ['la', 'liste', 'des'],
];

function inSet(sets: Record<WritingLanguage, ReadonlySet<string>>, word: string, lang: WritingLanguage | 'mixed'): boolean {
  return lang === 'mixed' ? sets.fr.has(word) || sets.en.has(word) : sets[lang].has(word);
}

/** Gives each token a part of speech from closed word lists, verb lists and position. */
export function tagTokens(tokens: Token[], lang: WritingLanguage | 'mixed'): Token[] {
  markSequences(tokens);
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (token.tag !== 'word') continue;
    token.tag = closedClass(tokens, i, lang);
  }
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (token.tag === 'word') tagVerb(tokens, i, lang);
  }
  return tokens;
}

/** Multi-word prepositions: "en tant que client", "as well as". */
const PREP_SEQUENCES = [['en', 'tant', 'que'], ['en', 'tant', "qu'"], ['as', 'well', 'as'], ['ainsi', 'que'], ['grace', 'a'], ['thanks', 'to']];

function markSequences(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i += 1) {
    for (const sequence of PREP_SEQUENCES) {
      if (sequence.every((word, k) => tokens[i + k]?.fold === word)) {
        for (let k = 0; k < sequence.length; k += 1) tokens[i + k]!.tag = sequence[0] === 'as' || sequence[0] === 'ainsi' ? 'conj' : 'prep';
        i += sequence.length - 1;
        break;
      }
    }
  }
  for (let i = 0; i < tokens.length; i += 1) {
    for (const sequence of MANY_SEQUENCES) {
      if (sequence.every((word, k) => tokens[i + k]?.fold === word)) {
        for (let k = 0; k < sequence.length; k += 1) tokens[i + k]!.tag = 'many';
        i += sequence.length - 1;
        break;
      }
    }
  }
}

function closedClass(tokens: Token[], i: number, lang: WritingLanguage | 'mixed'): Tag {
  const f = tokens[i]!.fold;
  const prev = tokens[i - 1];
  if (f.endsWith("'") && ELISIONS.has(f.slice(0, -1))) {
    return f === "l'" ? 'det' : f === "d'" || f === "jusqu'" ? 'prep' : f === "n'" ? 'neg' : 'pron';
  }
  if (f === 'a') {
    if (tokens[i]!.text === 'à') return 'prep';
    if (lang === 'en') return 'det';
    const next = tokens[i + 1];
    if (lang === 'mixed') return next !== undefined && (next.tag === 'det' || next.tag === 'many') ? 'have' : 'det';
    return prev !== undefined && (prev.tag === 'verb' || prev.tag === 'part' || prev.tag === 'modal') ? 'prep' : 'have';
  }
  if (lang !== 'fr' && f === 'one') return tokens[i + 1]?.fold === 'of' ? 'many' : 'det';
  if (MANY_WORDS.has(f)) return 'many';
  if (inSet(DETERMINERS, f, lang)) return 'det';
  if (BE_FORMS.has(f)) return (lang === 'en' && FRENCH_ONLY.has(f)) || (lang === 'fr' && !FRENCH_ONLY.has(f)) ? 'word' : 'be';
  if (HAVE_FORMS.has(f)) return (lang === 'en' && FRENCH_ONLY.has(f)) || (lang === 'fr' && !FRENCH_ONLY.has(f)) ? 'word' : 'have';
  if (MODALS.has(f)) {
    // "dietary needs", "special wishes": a noun unless a verb or an object follows.
    const next = tokens[i + 1];
    if (['need', 'needs', 'want', 'wants', 'wish'].includes(f) && (next === undefined || (next.tag !== 'det' && next.tag !== 'word' && next.fold !== 'to'))) return 'word';
    return 'modal';
  }
  if (NEGATIONS.has(f)) return 'neg';
  if (inSet(PREPOSITIONS, f, lang)) return 'prep';
  if (inSet(CONJUNCTIONS, f, lang)) return 'conj';
  if (inSet(PRONOUNS, f, lang)) return 'pron';
  if (FILLERS.has(f) && !(prev !== undefined && (prev.tag === 'det' || prev.tag === 'many'))) return 'filler';
  return 'word';
}

function previousMeaningful(tokens: Token[], i: number): Token | undefined {
  for (let k = i - 1; k >= 0; k -= 1) if (tokens[k]!.tag !== 'filler') return tokens[k];
  return undefined;
}

function tagVerb(tokens: Token[], i: number, lang: WritingLanguage | 'mixed'): void {
  const token = tokens[i]!;
  const prev = previousMeaningful(tokens, i);
  const next = tokens[i + 1];
  // "pre-order", "re-book", "co-sign": the verb after its prefix.
  const form = verbForm(token.fold, lang) ?? verbForm(token.fold.replace(/^(?:pre|re|co|sous|sur|auto)-/, ''), lang);
  const afterDeterminer = prev !== undefined && (prev.tag === 'det' || prev.tag === 'many');
  if (afterDeterminer) return;
  // "Leave requests:", "Order lines:": words just before a heading colon name a thing.
  if (colonAhead(tokens, i)) return;
  if (form !== undefined) {
    if (form.lang === 'fr') {
      // Folding merges "donne" and "donné": the accent, when written, says participle.
      const participle = form.participle || /(?:é|ée|és|ées)$/iu.test(token.text);
      if (prev?.tag === 'prep' && !form.infinitive && !participle) return;
      if (participle) {
        if (prev?.tag === 'be' || prev?.tag === 'have') setVerb(token, 'part', form.lemma);
        else if (prev?.tag === 'word' && next?.tag === 'prep' && ['a', 'à', 'au', 'aux', 'par', 'sur', 'pour', 'avec', 'dans', 'de', 'en', "d'"].includes(next.fold) && COMPOSE_OR_LINK.test(form.lemma)) setVerb(token, 'part', form.lemma);
        else if (prev?.tag === 'word' && next?.tag === 'prep' && ['a', 'à', 'au', 'aux', 'par', 'sur', 'pour', 'avec', 'dans'].includes(next.fold)) setVerb(token, 'part', form.lemma);
        return;
      }
      // A finite French verb follows its subject, or "et"/"," before its object; after "(" it is a noun ("(note sur 20").
      const subjectBefore = prev !== undefined && (prev.tag === 'word' || prev.tag === 'pron' || prev.tag === 'neg' || prev.tag === 'filler' || prev.tag === 'modal' || prev.tag === 'be' || prev.tag === 'have');
      const coordinated = prev !== undefined && (prev.tag === 'conj' || prev.text === ',') && next !== undefined && (next.tag === 'det' || next.tag === 'many' || next.tag === 'prep') && tokens.slice(0, i).some((t) => t.tag === 'verb' || t.tag === 'have' || t.tag === 'be');
      if (form.infinitive || subjectBefore || coordinated || (prev === undefined && next?.tag === 'det')) setVerb(token, 'verb', form.lemma);
      return;
    }
    if (form.participle) {
      // "is linked to a company and owned by a sales rep": the participle shares the earlier "is".
      const sharedBe = prev?.tag === 'conj' && tokens.slice(0, i).some((t) => t.tag === 'be') && next?.tag === 'prep';
      if (prev?.tag === 'be' || prev?.tag === 'have' || sharedBe) setVerb(token, 'part', form.lemma);
      else if (prev?.tag === 'word' && next?.tag === 'prep' && ['to', 'by', 'on', 'for', 'with', 'in', 'from', 'of'].includes(next.fold)) setVerb(token, 'part', form.lemma);
      return;
    }
    // "opening date", "billing address": -ing forms in specs are names unless "be" precedes them.
    if (token.fold.endsWith('ing') && token.fold !== form.lemma) {
      if (prev?.tag === 'be') setVerb(token, 'verb', form.lemma);
      return;
    }
    if (prev?.tag === 'prep' && prev.fold !== 'to') return;
    const inflected = token.fold !== form.lemma;
    if (EN_NOUN_LIKE_VERBS.has(form.lemma) && !englishVerbContext(tokens, i, prev, inflected)) return;
    // "twitter handle", "cost center": a base form right after a singular noun is part of the name.
    if (!inflected && prev?.tag === 'word' && !pluralLike(prev.fold)) return;
    // "…, ship date, …": after a comma or "and", a verb needs an object or a complement after it.
    if (!inflected && prev !== undefined && (prev.text === ',' || prev.tag === 'conj')) {
      const next = tokens[i + 1];
      const takesObject = next === undefined || ['det', 'many', 'pron', 'prep', 'filler', 'num'].includes(next.tag) || (next.tag === 'word' && pluralLike(next.fold));
      if (!takesObject) return;
    }
    setVerb(token, 'verb', form.lemma);
    return;
  }
  if (prev?.tag === 'modal' || prev?.fold === 'to') {
    // After "peut", "doit", "can", "to": an infinitive, known or not.
    if (lang !== 'en' && /(?:er|ir|re)$/.test(token.fold)) setVerb(token, 'verb', token.fold);
    else if (lang !== 'fr' && prev.tag === 'modal' && BARE_INFINITIVE_MODALS.has(prev.fold)) setVerb(token, 'verb', token.fold);
    return;
  }
  // "est assuré par", "sont livrées à": after être, an accented participle even when the verb is not listed.
  if (lang !== 'en' && prev?.tag === 'be' && /(?:é|ée|és|ées)$/i.test(token.text)) {
    setVerb(token, 'part', `${token.fold.replace(/(?:e|ee|es|ees)$/, '')}er`);
    return;
  }
  // "sont répartis en équipes", "est prise en charge par": other participle endings, when a complement follows.
  if (lang !== 'en' && prev?.tag === 'be' && /(?:is|ies|it|its|ite|ites|us|ues|ue|ert|erts|erte|ertes)$/.test(token.fold) && next?.tag === 'prep') {
    setVerb(token, 'part', token.fold);
    return;
  }
  if (lang !== 'en' && prev !== undefined && frenchVerbByPosition(tokens, i, prev)) setVerb(token, 'verb', guessFrenchLemma(token.fold));
  // "People RSVP to a meetup": an unknown word between a plural subject and its complement.
  else if (lang !== 'fr' && prev?.tag === 'word' && pluralLike(prev.fold) && clauseStart(tokens, i - 1)) {
    const next = tokens[i + 1];
    if (next !== undefined && (next.tag === 'det' || next.tag === 'pron' || (next.tag === 'prep' && ['to', 'for', 'on', 'with', 'in', 'at'].includes(next.fold)))) setVerb(token, 'verb', token.fold);
  }
}

/** French participles that open a relation right after a noun: "composé de", "rattaché à". */
const COMPOSE_OR_LINK = /^(composer|constituer|former|diviser|rattacher|lier|associer|relier|attribuer|affecter|assigner)$/;

/** English modals followed by a bare verb ("can bookmark"); "want", "need" take an object or "to". */
const BARE_INFINITIVE_MODALS = new Set(['can', 'could', 'must', 'should', 'shall', 'will', 'would', 'may', 'might']);

const COLLECTIVE = new Set(['staff', 'people', 'team', 'police', 'personnel', 'management', 'family', 'crew', 'faculty']);

function pluralLike(word: string): boolean {
  return COLLECTIVE.has(word) || (/[^s]s$/.test(word) && word.length > 3);
}

function clauseStart(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1];
  return before === undefined || before.tag === 'det' || before.tag === 'conj' || before.text === ';' || (before.tag === 'word' && clauseStart(tokens, i - 1) && i < 3);
}

function colonAhead(tokens: Token[], i: number): boolean {
  // Only in a heading phrase: "On veut stocker :" or "We record harvests:" have their verb before.
  if (tokens.slice(0, i).some((t) => t.tag === 'verb' || t.tag === 'modal' || t.tag === 'pron' || t.tag === 'be' || t.tag === 'have')) return false;
  for (let k = i + 1; k < tokens.length && k <= i + 3; k += 1) {
    const t = tokens[k]!;
    if (t.text === ':') return true;
    if (t.tag !== 'word') return false;
  }
  return false;
}

function setVerb(token: Token, tag: 'verb' | 'part', lemma: string | undefined): void {
  token.tag = tag;
  if (lemma !== undefined) token.lemma = lemma;
}

/** `book`, `order`, `comment` are verbs after a pronoun, a modal, `to`, or a plural subject without article. */
function englishVerbContext(tokens: Token[], i: number, prev: Token | undefined, inflected: boolean): boolean {
  const next = tokens[i + 1];
  if (prev === undefined) return next?.tag === 'det';
  if (prev.tag === 'modal' || prev.tag === 'neg' || prev.fold === 'to' || SUBJECT_PRONOUNS.has(prev.fold) || prev.fold === 'that') return true;
  // "Customers place orders": a plural subject that opens the clause (not "…, slides link").
  if (prev.tag === 'word' && !inflected && pluralLike(prev.fold) && clauseStart(tokens, tokens.indexOf(prev))) return true;
  // "a lawyer logs hours": a singular subject with its article, then an -s form.
  if (prev.tag === 'word' && inflected && tokens[i - 2]?.tag === 'det') return true;
  return false;
}

/** Unknown French words right after a subject and before an object are verbs: "les médecins rédigent des…". */
function frenchVerbByPosition(tokens: Token[], i: number, prev: Token): boolean {
  const f = tokens[i]!.fold;
  const next = tokens[i + 1];
  if (prev.fold === "s'" || prev.fold === 'se' || prev.fold === "n'" || prev.fold === 'ne' || (prev.tag === 'pron' && SUBJECT_PRONOUNS.has(prev.fold))) {
    return /(?:ent|e|es|it|ons|ez|ont|ait)$/.test(f);
  }
  // "… et accueille plusieurs élèves": a verb coordinated with the previous one.
  if (prev.tag === 'conj' && next !== undefined && (next.tag === 'det' || next.tag === 'many') && /(?:[^m]e|[^mi]ent|it)$/.test(f) && tokens.slice(0, i).some((t) => t.tag === 'verb' || t.tag === 'part')) return true;
  if (prev.tag !== 'word' || next === undefined) return false;
  const objectFollows = next.tag === 'det' || next.tag === 'many' || ['a', 'à', 'au', 'aux'].includes(next.fold);
  return objectFollows && /(?:[^mi]ent|issent|ont)$/.test(f) && f.length > 4;
}
