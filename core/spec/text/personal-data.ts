import type { PersonalDataKind } from '../../api/project-model.ts';
import { domainById } from '../catalogue/index.ts';
import type { DraftEntity } from './draft.ts';
import { PERSON_NOUNS } from './lexicon-nouns.ts';

/**
 * GDPR tags on fields. `personal`: identifies or contacts a person (email, phone, birth date,
 * and a name or photo when the record is a person). `special`: an Art. 9 category — health,
 * religion, ethnic origin, sexual orientation, political opinions, union membership, biometric or
 * genetic data — including free-text notes on a health record in a health app. The user can edit
 * every tag; these are proposals with their reason.
 */

const ALWAYS_PERSONAL = /\b(e-?mails?|courriels?|mails?|telephones?|tel|phones?|mobile|portable|gsm|adresses?|address|addresses|postcode|code postal|zip|naissance|birth|birthday|birthdate|dob|anniversaire|securite sociale|social security|nir|ssn|insurance number|numero d'assurance|iban|bic|bank account|compte bancaire|carte bancaire|card number|passeport|passport|carte d'identite|id card|national id|ip address|adresse ip|geolocalisation|geolocation|gps|position|mot de passe|password|salaires?|salary|salaries|remuneration|plaque|immatriculation|license plate)\b/;
const PERSONAL_IF_PERSON = /\b(nom|noms|prenom|prenoms|name|names|firstname|lastname|surname|full name|family name|pseudo|username|login|photos?|avatar|picture|portrait|signature|genre|gender|sexe|civilite|age|nationalite|nationality|situation familiale|marital status|profession|job title|poste|employeur|employer|household|foyer|cv)\b/;
const SPECIAL = /\b(sante|health|medical|medicale|medicaux|maladies?|disease|diagnostics?|diagnosis|pathologies?|traitements?|treatment|allergies?|allergy|handicap|disability|disabilities|groupe sanguin|blood type|antecedents|medical history|symptomes?|symptoms?|vaccins?|vaccination|grossesse|pregnancy|religion|religious|croyances?|beliefs?|confession|origine ethnique|ethnic|ethnicity|race|orientation sexuelle|sexual orientation|sexualite|opinions? politiques?|political|syndicat|syndicale|trade union|union membership|biometri\w*|empreintes?|fingerprints?|genetique|genetic|adn|dna|dietary needs|regime alimentaire|certificat medical|medical certificate|arret maladie|sick leave|mutuelle)\b/;
/** Free-text fields that, on a health record, describe the person's health. */
const HEALTH_TEXT = /\b(motif|reason|contenu|content|notes?|description|commentaires?|comments?|observations?|compte rendu|report|procedure|soins?|care|prescriptions?|ordonnance|tooth|dent|remarques?|details?)\b/;

export interface PersonalDataGuess {
  kind: PersonalDataKind;
  reason: string;
}

export function isPersonEntity(entity: DraftEntity, roles: ReadonlySet<string>): boolean {
  const words = entity.key.split(' ');
  const head = entity.lang === 'fr' ? words[0]! : words.at(-1)!;
  if (PERSON_NOUNS.has(entity.key) || PERSON_NOUNS.has(head) || roles.has(entity.key.replace(/ /g, '-'))) return true;
  // A record with a first name or a birth date is about a person whatever it is called.
  return entity.fields.some((f) => /\b(prenom|first name|firstname|naissance|birth|date of birth|last name|lastname|surname)\b/.test(f.key));
}

export function guessPersonalData(fieldKey: string, entity: DraftEntity, domain: string, person: boolean): PersonalDataGuess | undefined {
  if (SPECIAL.test(fieldKey)) return { kind: 'special', reason: `"${fieldKey}" is special-category data (GDPR Art. 9)` };
  const special = domainById(domain)?.specialEntities ?? [];
  if (special.includes(entity.key) && HEALTH_TEXT.test(fieldKey)) {
    return { kind: 'special', reason: `"${fieldKey}" of a ${entity.key} describes someone's health in a ${domain} app (GDPR Art. 9)` };
  }
  if (ALWAYS_PERSONAL.test(fieldKey)) return { kind: 'personal', reason: `"${fieldKey}" identifies or reaches a person` };
  if (person && PERSONAL_IF_PERSON.test(fieldKey)) return { kind: 'personal', reason: `"${fieldKey}" of a ${entity.key} identifies a person` };
  return undefined;
}
