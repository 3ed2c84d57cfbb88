import type { FieldType } from '../../api/project-model.ts';

/**
 * Infers a field's type from its name, in French or English. The rules read the folded name
 * ("date de naissance", "unit price") and look first at its head word — the first word in French
 * ("prix payé"), the last in English ("unit price") — so that "moyen de paiement" stays a string
 * while "date de paiement" is a date.
 */

export interface TypeGuess {
  type: FieldType;
  reason: string;
  confidence: number;
  unique?: boolean;
}

interface Rule {
  type: FieldType;
  /** Words that decide the type when they are the head of the name. */
  heads?: RegExp;
  /** Patterns on the whole folded name that decide it wherever they occur. */
  anywhere?: RegExp;
  unique?: boolean;
}

// Order matters: the first rule that matches wins.
const RULES: Rule[] = [
  { type: 'email', anywhere: /\b(e-?mails?|courriels?|mails?|adresse electronique)\b/ },
  { type: 'phone', anywhere: /\b(telephones?|tel|phones?|phone numbers?|gsm|fax|cellphones?|portables?|mobile numbers?|numero de (?:telephone|portable|mobile))\b/ },
  { type: 'phone', heads: /^(mobile)$/ },
  { type: 'url', anywhere: /\b(url|urls|site web|site internet|websites?|homepage|lien|liens|links?|web page)\b/ },
  { type: 'datetime', anywhere: /\b(date et heure|date and time|date\/heure|datetime|date-time|horodatage|timestamps?)\b/ },
  { type: 'datetime', anywhere: /^[a-z]+(?:ed|ts|t|s|en)? at$/ },
  { type: 'image', heads: /^(photos?|images?|pictures?|pics?|avatars?|logos?|covers?|couvertures?|illustrations?|visuels?|thumbnails?|vignettes?|portraits?|screenshots?|captures? d'ecran)$/ },
  { type: 'file', heads: /^(fichiers?|files?|documents?|pieces? jointes?|attachments?|pdfs?|cv|scans?|justificatifs?|certificats?|certificates?|attestations?|uploads?|contrats? signes?)$/ },
  { type: 'file', anywhere: /\b(piece jointe|pieces jointes|fichier|attachment)\b/ },
  { type: 'date', anywhere: /\b(naissance|birthday|birthdate|date of birth|dob|anniversaire|echeance|deadline|expiration|expiry|due)\b/ },
  { type: 'date', heads: /^(dates?|jour|day|deadline)$/ },
  { type: 'date', anywhere: /^date\b|\bdate$/ },
  { type: 'time', heads: /^(heure|horaire|hour|time|creneau)$/ },
  { type: 'integer', anywhere: /^(nombre|nb|number of|quantite|qte|effectif|total number)\b/ },
  { type: 'integer', anywhere: /\b(durees?|durations?)\b/ },
  { type: 'money', heads: /^(prix|price|prices|montants?|amounts?|totals?|total|tarifs?|couts?|costs?|salaires?|salary|salaries|rates?|fees?|frais|soldes?|balance|budgets?|loyers?|rent|caution|deposit|acomptes?|revenus?|revenue|remuneration|pay|tva|vat|subtotal|sous-total|honoraires?|charges?)$/ },
  { type: 'integer', heads: /^(quantites?|quantity|quantities|qty|stocks?|capacites?|capacity|places|seats|ages?|annees?|years?|count|counts|etages?|floors?|rangs?|ranks?|size|tailles? du foyer|pieces|rooms|chambres|beds|lits|participants|personnes|people|minutes|jours|days|weeks|semaines|heures|hours|mois|months|couverts|points)$/ },
  { type: 'decimal', heads: /^(poids|weight|surfaces?|superficies?|hauteur|height|longueur|length|largeur|width|profondeur|depth|latitude|longitude|lat|lng|lon|pourcentages?|percentages?|percent|taux|ratio|scores?|ratings?|rendements?|yields?|temperatures?|volumes?|distances?|kilometrage|mileage|estimates?|estimations?|hectares?|consommation|consumption|moyenne|average|coefficient|litres?|liters?|kilos?|kg|grammes?|grams?|tonnes?|metres?|meters?|km)$/ },
  { type: 'boolean', heads: /^(actif|active|enabled|disponible|available|publie|published|archive|archived|valide|confirmed|visible|verified|verifie|done|termine|completed|fait|vegetarien|vegetarian|vegan|vegane|confidentiel|confidential|flag|gratuit|free|bio|organic|irrigue|irriguee|irrigated|outdoor|indoor|paid|paye|payee|lu|read|urgent|accessible|meuble|furnished)$/ },
  { type: 'text', heads: /^(descriptions?|commentaires?|comments?|notes|remarques?|remarks?|biographie|biography|bio|contenus?|content|messages?|body|corps|textes?|texts?|resumes?|summary|observations?|details?|instructions?|historique|history|antecedents|allergies|symptomes?|symptoms?|diagnostics?|diagnosis|motifs?|raisons?|reasons?|presentation|avis|reponse|answer|questions?)$/ },
  { type: 'string', heads: /^(isbn|sku|ean|siret|siren|slug|matricule|nir|ssn|immatriculation|plaque|reference|ref|identifiant|login|username|pseudo|code)$/, unique: true },
  { type: 'string', anywhere: /\b(numero de securite sociale|securite sociale|social security|serial number|numero de serie|license number|licence number|numero de licence|passport number|numero de passeport|reference number|numero de reference)\b/, unique: true },
];

/** Head word: first in French names ("prix payé", "date de début"), last in English ones ("unit price"). */
export function headWord(words: readonly string[], french: boolean): string {
  if (words.length === 0) return '';
  return (french ? words[0] : words.at(-1))!;
}

export function guessFieldType(folded: string, french: boolean): TypeGuess {
  const words = folded.split(/\s+/).filter((w) => w.length > 0);
  const head = headWord(words, french);
  // "quantity on hand", "cost per hour": the head comes before the preposition when the last word says nothing.
  const cut = french ? -1 : words.findIndex((w, i) => i > 0 && ['of', 'on', 'in', 'per', 'at', 'for'].includes(w));
  const first = matchRules(folded, head, words.length);
  if (first !== undefined || cut < 0) return first ?? fallback(head);
  return matchRules(folded, words[cut - 1]!, words.length) ?? fallback(head);
}

function matchRules(folded: string, head: string, count: number): TypeGuess | undefined {
  for (const rule of RULES) {
    const byHead = rule.heads !== undefined && rule.heads.test(head);
    const byPhrase = rule.anywhere !== undefined && rule.anywhere.test(folded);
    if (!byHead && !byPhrase) continue;
    const guess: TypeGuess = {
      type: rule.type,
      reason: byPhrase ? `"${folded}" reads as ${rule.type}` : `"${head}" reads as ${rule.type}`,
      confidence: byPhrase || count === 1 ? 0.85 : 0.75,
    };
    if (rule.unique) guess.unique = true;
    return guess;
  }
  return undefined;
}

function fallback(head: string): TypeGuess {
  // "note sur 20" and "grade" carry a number; a bare "note" is text (handled above as plural only).
  if (/^(note|grade|mark)$/.test(head)) return { type: 'text', reason: `"${head}" reads as free text`, confidence: 0.6 };
  return { type: 'string', reason: 'no type word in the name: plain text', confidence: 0.6 };
}

/** Whether a folded name looks like an attribute (rather than a thing or a person). */
export function looksLikeField(folded: string, french: boolean): boolean {
  const guess = guessFieldType(folded, french);
  if (guess.type !== 'string' || guess.unique === true) return true;
  const words = folded.split(/\s+/);
  return FIELD_WORDS.has(headWord(words, french)) || FIELD_WORDS.has(words[0] ?? '');
}

/** Attributes that stay plain strings but are unmistakably attributes. */
const FIELD_WORDS = new Set(`nom name names prenom firstname lastname surname titre title intitule label libelle adresse address
  ville city pays country code postal postcode zip region rue street statut status etat state type types categorie category
  categories genre gender sexe civilite niveau level langue language langues specialite speciality specialty role
  fonction poste job couleur color colour taille size marque brand modele model variete variety espece species race
  numero number tags tag mot motif lieu location salle room court sujet subject objet priorite priority entreprise company
  societe departement department service profession metier nationalite nationality disponibilite availability version
  format unite unit sol soil culture legume isbn identifiant id username login password pseudo theme topic canal channel
  source origine destination depart arrivee debut fin start end pickup avatar signature procedure tooth dent
  instrument style nature objet raison moyen mode methode method frequence frequency`.split(/\s+/));
