import type { Chunk, NounPhrase } from './chunk.ts';
import { parseList } from './field-list.ts';
import { looksLikeField } from './field-types.ts';
import { ENTITY_HEADINGS, OTHER_HEADINGS, ROLE_HEADINGS } from './lexicon-nouns.ts';
import { fold } from './normalise.ts';
import type { Block } from './segment.ts';
import type { Sentence } from './sentence.ts';
import type { Token } from './tokenise.ts';

/**
 * "Head: rest" lines — "Adhérents : nom, prénom…", "Gérer les patients : …", "Documents attached
 * to a case: title, file…" — and the sections headings open. Both give the sentences below them a
 * subject.
 */

export type SectionKind = 'roles' | 'entities' | 'other' | 'entity' | 'none';

/** Topics that introduce a remark, never an entity ("Objectif : remplacer nos tableurs"). */
const HEAD_STOP = /^(objectifs?|buts?|goals?|contextes?|context|notes?|remarques?|important|attention|exemples?|bonus|options?|budget|delais?|deadline|public|cible|target|stacks?|technos?|technologies|hebergement|hosting|interface|ui|ux|design|sla|securite|security|rgpd|gdpr|paiements?|payments?|notifications?|newsletter|exports?|imports?|recherche|search|besoins?|needs|fonctionnalites?|features?|contraintes?|constraints?|mvp|v\d|phase|etapes?|planning|timeline|livrables?|performances?|accessibilite|accessibility|seo|mobile|web|api|apps?|application|appli|site|plateforme|platform|authentification|auth|login|connexion|statistiques|stats|reporting|dashboard|back-office|administration|support|maintenance|licence|license|divers|misc|autres?|others?|questions?|projet|project|cahier des charges|requirements?|specifications?|resume|summary|description|presentation|introduction|nb|ps|ps2|todo|idee|idees|ideas?|ps|bonjour|hello|hi|merci|thanks|cordialement|mode|version|langues?|languages?|tarifs?|prix|pricing|horaires?|hours)$/;

export function sectionKind(heading: Block | undefined): SectionKind {
  if (heading === undefined) return 'none';
  const text = fold(heading.text);
  // "User stories", "Cas d'utilisation": needs written from users' point of view, not a list of roles.
  if (/\b(user stor(?:y|ies)|histoires? utilisateurs?|use cases?|cas d'utilisation|parcours utilisateurs?|user journeys?|scenarios?)\b/.test(text)) return 'none';
  if (ROLE_HEADINGS.test(text)) return 'roles';
  if (ENTITY_HEADINGS.test(text) && text.split(/\s+/).length <= 4) return 'entities';
  if (OTHER_HEADINGS.test(text)) return 'other';
  const words = text.replace(/[^a-z0-9' -]/g, ' ').trim().split(/\s+/);
  if (words.length <= 3 && !HEAD_STOP.test(text.trim()) && !/[.!?]$/.test(heading.text) && heading.level >= 2) return 'entity';
  return 'none';
}

export interface Head {
  /** The head phrase ("Documents", "Time entries", "patients"). */
  np: NounPhrase;
  /** Index of the colon in sentence.tokens. */
  colon: number;
  /** Tokens between the phrase and the colon ("attached to a case", "/ livraisons"). */
  qualifier: Token[];
  /** "Statut de la commande :" — an attribute of an entity rather than an entity. */
  fieldOf?: NounPhrase;
  /** "Entités :", "Data:" — the rest lists entity names. */
  listsEntities: boolean;
}

const MANAGE_LEAD = new Set(['gerer', 'gestion', 'manage', 'managing', 'management', 'liste', 'list', 'suivi', 'suivre', 'tracking', 'track', 'saisir', 'saisie', 'enregistrer', 'registre', 'fiche', 'fiches', 'catalogue', 'base']);

function topColon(tokens: readonly Token[]): number {
  let depth = 0;
  for (let i = 0; i < tokens.length && i < 14; i += 1) {
    const t = tokens[i]!;
    if (t.tag === 'open') depth += 1;
    else if (t.tag === 'close') depth -= 1;
    else if (depth === 0 && (t.text === ':' || t.text === '—' || (t.text === '–' && i > 0 && i < 6))) return i;
  }
  return -1;
}

/** Reads "Head:" at the start of a sentence; undefined when the sentence has none. */
export function readHead(sentence: Sentence): Head | undefined {
  const colon = topColon(sentence.tokens);
  if (colon <= 0) return undefined;
  const chunks = sentence.chunks.filter((c) => c.end <= colon);
  let k = 0;
  // "Gérer les patients :", "Gestion des stocks :", "Liste des clients :".
  while (k < chunks.length) {
    const c = chunks[k]!;
    const first = c.kind === 'np' ? c.words[0] : c.kind === 'verb' ? c.tokens.at(-1) : undefined;
    if ((c.kind === 'verb' || c.kind === 'np') && first !== undefined && MANAGE_LEAD.has(first.fold) && (c.kind === 'verb' || c.words.length === 1)) {
      k += 1;
      const next: Chunk | undefined = chunks[k];
      if (next?.kind === 'prep' && ['de', 'des', 'du', 'of', "d'"].includes(next.token.fold)) k += 1;
      continue;
    }
    if (c.kind === 'other' && (c.token.tag === 'filler' || c.token.tag === 'quote')) {
      k += 1;
      continue;
    }
    break;
  }
  const np = chunks[k];
  if (np === undefined || np.kind !== 'np' || np.words.length > 5) return undefined;
  const headText = fold(np.words.map((t) => t.text).join(' '));
  const rest = chunks.slice(k + 1);
  if (rest.some((c) => c.kind === 'verb' && !c.passive) || rest.some((c) => c.kind === 'other' && c.token.tag === 'pron')) return undefined;
  if (ROLE_HEADINGS.test(headText)) return undefined;
  // "Entités : Patient, Médecin" lists entities; "Tables : numéro, places" describes tables.
  const listsEntities = ENTITY_HEADINGS.test(headText) && np.words.length <= 3 && !attributesFollow(sentence, colon);
  const qualifier = sentence.tokens.slice(np.end, colon);
  // 'Food truck "Taco Loco": …' is a title, not a list of attributes.
  if (qualifier.some((t) => t.tag === 'quote')) return undefined;
  const head: Head = { np, colon, qualifier, listsEntities };
  if (rest.length === 2 && rest[0]!.kind === 'prep' && ['de', 'du', 'of', "d'", 'des'].includes(rest[0]!.token.fold) && rest[1]!.kind === 'np') {
    head.fieldOf = rest[1];
  }
  return head;
}

function attributesFollow(sentence: Sentence, colon: number): boolean {
  const items = parseList(sentence.tokens, colon + 1, sentence.tokens.length).items;
  const attributes = items.filter((i) => i.boolean === true || i.unit !== undefined || i.values !== undefined || looksLikeField(fold(i.name.map((t) => t.text).join(' ')), sentence.lang === 'fr')).length;
  return items.length > 0 && attributes * 2 >= items.length;
}

/** Whether a head phrase is a topic ("Objectif", "Paiement") rather than a thing. */
export function isTopicHead(headText: string): boolean {
  return HEAD_STOP.test(fold(headText).trim()) || OTHER_HEADINGS.test(fold(headText)) && fold(headText).split(' ').length <= 2;
}
