import type { Token } from './tokenise.ts';

/**
 * Groups tagged tokens into noun phrases, verb groups, prepositions and parenthesised groups —
 * the units every extraction rule matches on. Deliberately shallow: no tree, one left-to-right pass.
 */

export interface NounPhrase {
  kind: 'np';
  start: number;
  end: number;
  det: Token | undefined;
  /** "plusieurs", "many", "one or more". */
  many: boolean;
  /** "chaque", "each", "every". */
  each: boolean;
  words: Token[];
}

export interface VerbGroup {
  kind: 'verb';
  start: number;
  end: number;
  /** Folded infinitive of the main verb (`avoir`/`have` for possession). */
  lemma: string;
  passive: boolean;
  modal: boolean;
  reflexive: boolean;
  negated: boolean;
  tokens: Token[];
}

export interface Paren {
  kind: 'paren';
  start: number;
  end: number;
  inner: Token[];
}

export interface Single {
  kind: 'prep' | 'conj' | 'punct' | 'other';
  start: number;
  end: number;
  token: Token;
}

export type Chunk = NounPhrase | VerbGroup | Paren | Single;

/** French heads that take a "de" complement inside one name: date de naissance, moyen de paiement. */
const DE_HEADS = new Set(`date nombre numero moyen mode type lieu heure adresse code duree montant prix taux frais fiche bon ligne
  note demande compte niveau etat categorie titre nom jour mot point plan salle seance bulletin feuille ordre recu
  pourcentage capacite taille poids reference certificat attestation justificatif piece groupe zone centre historique
  dossier releve fin debut periode tarif cout liste mode statut contrat offre lettre devis carnet chef chefs responsable
  directeur directrice agent`.split(/\s+/));

/** English heads that take an "of" complement: number of days, proof of delivery, method of payment. */
const OF_HEADS = new Set(`number date proof method mode place type level amount quantity duration cost kind list certificate
  time point letter bill statement record unit area areas hours`.split(/\s+/));

const VERB_TAGS = new Set(['be', 'have', 'modal', 'verb', 'part']);
const PARTICLES = new Set(['up', 'out', 'off']);
const MAX_NP_WORDS = 6;

function isContent(token: Token | undefined): boolean {
  return token !== undefined && (token.tag === 'word' || token.tag === 'num');
}

function readWords(tokens: readonly Token[], from: number): number {
  let i = from;
  let count = 0;
  while (i < tokens.length && count < MAX_NP_WORDS) {
    const token = tokens[i]!;
    if (isContent(token)) {
      i += 1;
      count += 1;
      continue;
    }
    // Hyphen or slash between words inside a name ("check-in", "Deliveries / livraisons" stays two phrases).
    const firstFold = tokens[from]?.fold ?? '';
    const next = tokens[i + 1];
    if (token.tag === 'prep' && (token.fold === 'de' || token.fold === "d'" || token.fold === 'du') && DE_HEADS.has(firstFold) && isContent(next)) {
      i += 1;
      continue;
    }
    if (token.tag === 'prep' && token.fold === 'of' && OF_HEADS.has(tokens[i - 1]?.fold ?? '') && (isContent(next) || next?.tag === 'det' && isContent(tokens[i + 2]))) {
      i += next?.tag === 'det' ? 2 : 1;
      continue;
    }
    break;
  }
  return i;
}

export function chunk(tokens: readonly Token[]): Chunk[] {
  const chunks: Chunk[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (token.tag === 'open') {
      let depth = 1;
      let j = i + 1;
      while (j < tokens.length && depth > 0) {
        if (tokens[j]!.tag === 'open') depth += 1;
        else if (tokens[j]!.tag === 'close') depth -= 1;
        if (depth > 0) j += 1;
      }
      chunks.push({ kind: 'paren', start: i, end: Math.min(j + 1, tokens.length), inner: tokens.slice(i + 1, j) });
      i = j + 1;
      continue;
    }
    if (token.tag === 'det' || token.tag === 'many' || isContent(token)) {
      let j = i;
      let det: Token | undefined;
      let many = false;
      let each = false;
      while (j < tokens.length && (tokens[j]!.tag === 'det' || tokens[j]!.tag === 'many')) {
        const t = tokens[j]!;
        if (t.tag === 'many') many = true;
        if (t.tag === 'det') {
          det ??= t;
          if (['chaque', 'each', 'every', 'tout', 'toute'].includes(t.fold)) each = true;
        }
        j += 1;
      }
      // "de la", "de l'": the article after "de" belongs to this phrase.
      const end = readWords(tokens, j);
      if (end === j) {
        chunks.push({ kind: 'other', start: i, end: j, token });
        i = Math.max(j, i + 1);
        continue;
      }
      chunks.push({ kind: 'np', start: i, end, det, many, each, words: tokens.slice(j, end) as Token[] });
      i = end;
      continue;
    }
    if (VERB_TAGS.has(token.tag) || ((token.fold === "s'" || token.fold === 'se' || token.fold === 'ne' || token.fold === "n'") && VERB_TAGS.has(tokens[i + 1]?.tag ?? ''))) {
      let j = i;
      let passive = false;
      let modal = false;
      let reflexive = false;
      let negated = false;
      let sawBe = false;
      let lemma = '';
      while (j < tokens.length) {
        const t = tokens[j]!;
        if (t.tag === 'be') {
          sawBe = true;
          lemma ||= 'etre';
        } else if (t.tag === 'have') lemma = lemma || 'avoir';
        else if (t.tag === 'modal') modal = true;
        else if (t.tag === 'verb' || t.tag === 'part') {
          // "est donne par" (accent dropped) is a participle too: être is never followed by a finite verb.
          if ((t.tag === 'part' && (sawBe || j === i)) || (sawBe && t.tag === 'verb' && tokens[j - 1]?.tag === 'be')) passive = true;
          lemma = t.lemma ?? t.fold;
        } else if (t.fold === "s'" || t.fold === 'se') reflexive = true;
        else if (t.tag === 'neg' || t.fold === 'pas') negated = true;
        else if (t.tag === 'filler') {
          /* adverbs inside the group: "est aussi rattaché" */
        } else if (t.tag === 'word' && PARTICLES.has(t.fold) && j > i) {
          /* phrasal verbs: sign up, check out */
        } else break;
        j += 1;
      }
      const english = tokens.slice(i, j).some((t) => ['is', 'are', 'has', 'have', 'can', 'must', 'be', 'been', 'was', 'were', 'will', 'should', 'may'].includes(t.fold));
      if (lemma === 'etre' || lemma === 'be') lemma = english ? 'be' : 'etre';
      if (lemma === 'avoir' && english) lemma = 'have';
      chunks.push({ kind: 'verb', start: i, end: j, lemma: lemma || tokens[i]!.fold, passive, modal, reflexive, negated, tokens: tokens.slice(i, j) as Token[] });
      i = Math.max(j, i + 1);
      continue;
    }
    const kind = token.tag === 'prep' || token.tag === 'neg' && ['sans', 'without'].includes(token.fold) ? 'prep' : token.tag === 'conj' ? 'conj' : token.tag === 'punct' ? 'punct' : 'other';
    chunks.push({ kind, start: i, end: i + 1, token });
    i += 1;
  }
  return chunks;
}

/** The words of a noun phrase as written ("date de naissance"). */
export function phraseText(tokens: readonly Token[], np: Pick<NounPhrase, 'words'>): string {
  if (np.words.length === 0) return '';
  const first = np.words[0]!;
  const last = np.words.at(-1)!;
  const from = tokens.indexOf(first);
  const to = tokens.indexOf(last);
  return tokens.slice(from, to + 1).map((t) => t.text).join(' ').replace(/ ?' ?/g, "'").replace(/\s+/g, ' ');
}
