import type { NounPhrase } from './chunk.ts';
import { phraseKey, type Draft } from './draft.ts';
import { parseList } from './field-list.ts';
import { sectionKind } from './heads.ts';
import { PERSON_NOUNS, ROLE_HEADINGS } from './lexicon-nouns.ts';
import { fold, slugName } from './normalise.ts';
import { npKey, npText, origin, subjectBefore, verbs } from './rule-helpers.ts';
import type { Sentence } from './sentence.ts';
import type { Token } from './tokenise.ts';
import { speaker } from './declare-clauses.ts';

/**
 * Who uses the app: "Rôles : admin, enseignant, étudiant", a "Utilisateurs" section, "Access:
 * partners (admin), lawyers, assistants", and people who may or must do things ("les adhérents
 * voient seulement les événements", "Customers must create an account").
 */

const ACCESS_LEMMAS = new Set(['acceder', 'access', 'voir', 'see', 'view', 'consulter', 'consult', 'gerer', 'manage', 'administrer',
  'administer', 'valider', 'validate', 'approve', 'approuver', 'moderer', 'moderate', 'editer', 'edit', 'modifier', 'saisir', 'creer',
  'create', 'publier', 'publish', 'login', 'log', 'sign', 'connecter', 'superviser', 'supervise', 'piloter']);
/** Groups that act as one role ("le bureau", "the staff"). */
const COLLECTIVES = new Set(['bureau', 'staff', 'equipe', 'team', 'direction', 'management', 'comite', 'committee', 'conseil', 'board', 'service']);
const ADMIN_OBJECTS = /\b(back-office|backoffice|back office|administration|admin panel|panneau d'administration|interface d'administration|tout|everything|all data|toutes les donnees)\b/;

/** "Staff members" → staff, "les secrétaires" → secretaire, "HR admin" → hr-admin. */
export function roleName(words: readonly Token[], lang: 'fr' | 'en'): string {
  // "les clients intéressés" → client: participles describe, they do not name the role.
  const kept = words.filter((t, i) => t.tag !== 'det' && t.tag !== 'many' && t.tag !== 'punct' && !(i > 0 && lang === 'fr' && /(?:é|ée|és|ées)$/i.test(t.text)));
  let key = phraseKey(kept.map((t) => t.text), lang);
  key = key.replace(/ (member|membre|people|user|utilisateur)$/, '');
  return key === '' ? '' : slugName(key);
}

/** Agent nouns: coordinator, dispatcher, formateur, gestionnaire, bibliothécaire… */
const AGENT_ENDING = /(?:or|er|ist|ian|eur|euse|rice|iste|aire|ant|ante)$/;

function isPersonish(np: NounPhrase, lang: 'fr' | 'en', byMorphology: boolean): boolean {
  const key = npKey(np, lang);
  const words = key.split(' ');
  if (PERSON_NOUNS.has(key) || words.some((w) => PERSON_NOUNS.has(w))) return true;
  // Groups ("le bureau", "the staff") are roles when they are given access, not whenever they act.
  if (byMorphology && (COLLECTIVES.has(key) || words.some((w) => COLLECTIVES.has(w)))) return true;
  const head = lang === 'fr' ? words[0]! : words.at(-1)!;
  return byMorphology && AGENT_ENDING.test(head) && head.length > 4 && np.words.length <= 2;
}

/** "Les avocats et la secrétaire ont accès…": every phrase of a coordinated subject. */
function coordinatedSubjects(sentence: Sentence, verbIndex: number): NounPhrase[] {
  const first = subjectBefore(sentence.chunks, verbIndex);
  if (first === undefined) return [];
  const found = [first];
  let k = sentence.chunks.indexOf(first) - 1;
  while (k >= 1) {
    const sep = sentence.chunks[k]!;
    const np = sentence.chunks[k - 1]!;
    if (!((sep.kind === 'conj' && ['et', 'and', 'ou', 'or'].includes(sep.token.fold)) || (sep.kind === 'punct' && sep.token.text === ',')) || np.kind !== 'np') break;
    found.push(np);
    k -= 2;
  }
  return found;
}

function fromList(draft: Draft, sentence: Sentence, from: number, reason: string): void {
  const list = parseList(sentence.tokens, from, sentence.tokens.length);
  for (const item of list.items) {
    if (item.name.length > 4) continue;
    const name = roleName(item.name, sentence.lang);
    if (name !== '') draft.addRole(name, origin(sentence, item.name[0], 0.9, reason));
  }
}

function explicitList(draft: Draft, sentence: Sentence): boolean {
  const colon = sentence.tokens.findIndex((t, i) => t.text === ':' && i <= 6);
  if (colon <= 0) return false;
  const head = fold(sentence.tokens.slice(0, colon).map((t) => t.text).join(' '));
  if (!ROLE_HEADINGS.test(head)) return false;
  fromList(draft, sentence, colon + 1, `listed after "${sentence.tokens.slice(0, colon).map((t) => t.text).join(' ')}:"`);
  return true;
}

function sectionItem(draft: Draft, sentence: Sentence): void {
  if (sectionKind(sentence.block.heading) !== 'roles' || !sentence.firstInBlock || sentence.block.kind === 'heading') return;
  const first = sentence.chunks[0];
  if (first?.kind !== 'np' || first.words.length > 4) return;
  const next = sentence.chunks[1];
  const endsHere = next === undefined || (next.kind === 'punct' && [':', '–', '—', '-', ','].includes(next.token.text)) || next.kind === 'paren' || next.kind === 'verb';
  if (!endsHere) return;
  const name = roleName(first.words, sentence.lang);
  if (name !== '') draft.addRole(name, origin(sentence, first.words[0], 0.85, `listed in the section "${sentence.block.heading?.text ?? ''}"`));
}

function byAction(draft: Draft, sentence: Sentence): void {
  const folded = sentence.tokens.map((t) => t.fold).join(' ');
  for (const { verb, index } of verbs(sentence.chunks)) {
    if (verb.passive || verb.negated) continue;
    const objectText = sentence.tokens.slice(verb.end, verb.end + 6).map((t) => t.fold).join(' ');
    const possession = ['avoir', 'have', 'etre', 'be'].includes(verb.lemma);
    const access = ACCESS_LEMMAS.has(verb.lemma) || (possession && /^(acces|access)/.test(objectText)) || (verb.modal && !possession);
    if (access && ADMIN_OBJECTS.test(objectText) && /^(gerer|manage|administrer|administer|avoir|have|acceder|access)$/.test(verb.lemma)) {
      draft.addRole('admin', origin(sentence, verb.tokens[0], 0.7, `"${sentence.text.slice(0, 80)}": someone administers the app`));
    }
    // People who do things in the app use it: "les bénévoles scannent les billets", "Customers place orders".
    if (possession && !access) continue;
    for (const subject of coordinatedSubjects(sentence, index)) {
      if (!isPersonish(subject, sentence.lang, access)) continue;
      const name = roleName(subject.words, sentence.lang);
      if (name !== '') draft.addRole(name, origin(sentence, subject.words[0], access ? 0.7 : 0.55, `"${npText(subject)}" ${verb.tokens.map((t) => t.text).join(' ')} …`));
    }
  }
  // "En tant que gérant, je veux…", "As a librarian, I want…".
  const asA = speaker(sentence);
  if (asA !== undefined && asA.words.length <= 4) {
    const name = roleName(asA.words, sentence.lang);
    if (name !== '') draft.addRole(name, origin(sentence, asA.words[0], 0.85, `a user story written for "${npText(asA)}"`));
  }
  // "want customers to pre-order", "permettre aux adhérents de réserver"; "Only me as admin".
  sentence.chunks.forEach((c) => {
    if (c.kind !== 'np') return;
    const next = sentence.tokens[c.end];
    const after = sentence.tokens[c.end + 1];
    if (next !== undefined && ['to', 'de', "d'"].includes(next.fold) && after?.tag === 'verb' && isPersonish(c, sentence.lang, false)) {
      const name = roleName(c.words, sentence.lang);
      if (name !== '') draft.addRole(name, origin(sentence, c.words[0], 0.55, `"${npText(c)} ${next.text} ${after.text}…"`));
    }
    const before = sentence.tokens[c.start - 1];
    if (before !== undefined && ['as', 'comme'].includes(before.fold) && isPersonish(c, sentence.lang, true)) {
      const name = roleName(c.words, sentence.lang);
      if (name !== '') draft.addRole(name, origin(sentence, c.words[0], 0.7, `"${before.text} ${npText(c)}"`));
    }
  });
  // "Mobile app for couriers, web back-office for dispatchers".
  sentence.chunks.forEach((c, k) => {
    const prep = sentence.chunks[k - 1];
    const thing = sentence.chunks[k - 2];
    if (c.kind !== 'np' || prep?.kind !== 'prep' || !['for', 'pour'].includes(prep.token.fold) || thing?.kind !== 'np') return;
    if (!/\b(app|apps|application|appli|back-office|backoffice|interface|espace|space|portal|portail|dashboard|tableau de bord|version|site|account|compte)s?$/.test(fold(npText(thing)))) return;
    if (!isPersonish(c, sentence.lang, true)) return;
    const name = roleName(c.words, sentence.lang);
    if (name !== '') draft.addRole(name, origin(sentence, c.words[0], 0.65, `"${npText(thing)} ${prep.token.text} ${npText(c)}"`));
  });
  // "Seuls moi et mon associé gérons le back-office": the writer is the administrator.
  if (/\b(moi|je|j'|me|myself|i)\b/.test(folded) && ADMIN_OBJECTS.test(folded) && /\b(gere|gerons|gerer|manage|administre)\b/.test(folded)) {
    draft.addRole('admin', origin(sentence, undefined, 0.7, `"${sentence.text.slice(0, 80)}": the writer administers the app`));
  }
}

export function findRoles(sentences: readonly Sentence[], draft: Draft): void {
  for (const sentence of sentences) {
    if (sentence.block.kind === 'heading') continue;
    if (explicitList(draft, sentence)) continue;
    sectionItem(draft, sentence);
    byAction(draft, sentence);
  }
}
