/**
 * Nouns with a known role in specs, folded and singular. Extraction rules consult these lists to
 * tell the things an app stores (patients, orders) from the words around them (application,
 * page, notifications), and people (who may be roles) from objects.
 */

function set(words: string): ReadonlySet<string> {
  return new Set(words.trim().split(/\s+/).map((w) => w.replace(/_/g, ' ')));
}

/** Never an entity on its own: the software itself, its parts, and abstract words. */
export const GENERIC_NOUNS = set(`application appli app apps site website webapp page pages interface systeme system plateforme platform
  outil tool logiciel software version module fonctionnalite feature fonction acces access compte account donnee data information
  info tout everything chose thing besoin need gestion management suivi tracking objectif goal monde world gens back-office backoffice
  front front-end frontend backend back-end dashboard tableau_de_bord email e-mail mail sms notification newsletter rappel reminder
  confirmation pdf csv excel export import recherche search filtre filter temps time jour day semaine week mois month annee year
  heure hour minute fois moment langue language francais anglais arabe english french arabic rgpd gdpr securite security
  authentification authentication connexion login mot_de_passe password role droit permission right part partie reste rest liste list
  ensemble nombre number type sorte kind forme maniere facon way moyen mode exemple example cas chose idee idea probleme problem
  solution projet_web api web mobile ios android internet reseau network serveur server cloud base_de_donnees database
  espace space portail portal personne person individu gens people utilisation usage usage_interne possibilite
  option parametre setting configuration ecran screen vue view formulaire form bouton button menu_principal lien link fichier file
  document_pdf image photo video contenu content texte text message chat messagerie suite fin debut start end etape step
  demo mvp prototype v1 version_mobile support aide help faq contrainte constraint exigence requirement
  objectif cahier_des_charges specification spec contexte context presentation introduction resume summary description titre title
  nom name date adresse address telephone phone prix price statut status categorie category niveau level code numero
  merci bonjour hello hi thanks cordialement regards etc dark_mode mode_sombre theme stripe paypal ipfs docker ci cd hebergement hosting
  deploiement deployment carte_bancaire card carte_de_credit credit_card ligne line online en_ligne offline mail_confirmation activite activity
  vente sale achat_en_ligne paiement_en_ligne historique history tableur spreadsheet feuille_excel`);

/** Never an entity even when given attributes: the software and its screens. */
export const NEVER_ENTITY = set(`application appli app apps site website webapp page interface systeme system plateforme platform outil tool
  logiciel software version module fonctionnalite feature fonction dashboard tableau_de_bord ecran screen formulaire form bouton button
  api web mobile ios android projet_web back-office backoffice frontend backend front-end back-end mvp prototype spec specification
  cahier_des_charges contexte context objectif goal contrainte constraint exigence requirement besoin need`);

/** Things that hold the real entities: "gérer la carte" means managing its dishes, not a Carte table. */
export const CONTAINER_NOUNS = set(`carte catalogue catalog agenda calendrier calendar planning schedule stock inventaire inventory boutique shop
  store magasin back-office backoffice site application plateforme platform base tableau board dashboard espace space portail portal
  registre register annuaire directory programme program programmation galerie gallery blog vitrine showcase accueil home
  panier cart caisse checkout bibliotheque library archive archives emploi_du_temps timetable flotte fleet parc collection gamme
  ensemble serie lot selection`);

/** Nouns after which a parenthesised list describes the person doing the action ("créent un compte (nom, email…)"). */
export const ACCOUNT_NOUNS = set(`compte account profil profile fiche inscription_en_ligne espace_personnel espace_client`);

/** People: may be roles, and make their entity's name/photo fields personal data. */
export const PERSON_NOUNS = set(`admin administrateur administratrice administrator gestionnaire manager gerant gerante responsable directeur directrice
  director proprietaire owner client cliente customer membre member adherent adherente utilisateur utilisatrice user visiteur visitor
  invite guest staff personnel employe employee salarie salariee collaborateur collaboratrice enseignant enseignante teacher professeur
  prof formateur formatrice trainer instructor etudiant etudiante student eleve pupil apprenant learner parent medecin doctor docteur
  dentiste dentist infirmier infirmiere nurse patient patiente secretaire secretary receptionniste receptionist avocat avocate lawyer
  attorney juriste partner associe associee assistant assistante coach entraineur agent technicien technicienne technician chauffeur
  driver livreur livreuse coursier coursiere courier benevole volunteer organisateur organisatrice organizer organiser speaker
  intervenant intervenante artiste artist spectateur spectatrice attendee participant participante locataire tenant bailleur landlord
  comptable accountant recruteur recruiter candidat candidate agriculteur agricultrice farmer ouvrier ouvriere worker vendeur vendeuse
  seller vendor acheteur acheteuse buyer fournisseur supplier moderateur moderator editeur editor redacteur redactrice writer auteur
  autrice author lecteur lectrice reader abonne abonnee subscriber donateur donatrice donor beneficiaire beneficiary famille family
  president presidente tresorier tresoriere treasurer photographe photographer chef cuisinier cook serveur serveuse waiter consultant
  expert inspecteur inspector juge judge notaire notary veterinaire vet pharmacien pharmacist therapeute therapist psychologue kine
  operateur operator dispatcher superviseur supervisor citoyen citizen resident habitant voyageur traveler traveller passager passenger
  guide hote host joueur player athlete sportif sportive arbitre referee mentor tuteur tutor stagiaire intern apprenti apprentice
  commercial salesperson prospect contact personne person individu demandeur applicant agent_immobilier team_lead chef_de_projet
  developpeur developer designer graphiste illustrateur illustrator musicien musician coiffeur hairdresser mecanicien mechanic
  proprio particulier professionnel professional pro adulte adult enfant child kid bebe baby aidant caregiver resident
  coordinator coordinateur coordinatrice approver reviewer relecteur manager animateur animatrice moniteur monitrice grimpeur
  rep representative representant representante vendeur librarian bibliothecaire`);

/** Section titles that introduce who uses the app. */
export const ROLE_HEADINGS = /\b(utilisateurs?|users?|roles?|acteurs?|actors?|profils?|profiles?|acces|access|permissions?|droits?|personas?|user types?|types d'utilisateurs?|habilitations?|qui fait quoi)\b/;
/** Section titles that introduce the data model. */
export const ENTITY_HEADINGS = /\b(entites?|entities|entity|donnees|data|modele de donnees|data model|objets?|objects?|tables?|schema|ressources?|resources?)\b/;
/** Section titles whose content is never entities. */
export const OTHER_HEADINGS = /\b(contraintes?|constraints?|techniques?|technical|securite|security|non[- ]fonctionnel(?:le)?s?|non[- ]functional|hebergement|hosting|deploiement|deployment|stack|architecture|contexte|context|presentation|objectifs?|goals?|introduction|background|budget|planning|delais?|timeline|calendrier|langues?|languages?|i18n|notes?|remarques?|divers|misc|annexes?|glossaire|glossary|livrables?|deliverables?|perimetre|scope|hors perimetre|out of scope)\b/;

/**
 * Verbs whose action is itself a record: "les clients réservent une table pour une date…" stores
 * a réservation. Keyed by folded stem; the noun comes in French and English.
 */
export const NOMINALISATIONS: readonly { stems: readonly string[]; fr: string; en: string }[] = [
  { stems: ['reserv', 'reserve', 'book'], fr: 'réservation', en: 'booking' },
  { stems: ['inscri', 'inscriv', 'register', 'enrol', 'enroll', 'sign'], fr: 'inscription', en: 'registration' },
  { stems: ['command', 'order'], fr: 'commande', en: 'order' },
  { stems: ['achet', 'achat', 'buy', 'bought', 'purchas'], fr: 'achat', en: 'purchase' },
  { stems: ['lou', 'rent'], fr: 'location', en: 'rental' },
  { stems: ['emprunt', 'borrow'], fr: 'emprunt', en: 'loan' },
  { stems: ['pai', 'pay', 'paid'], fr: 'paiement', en: 'payment' },
  { stems: ['don', 'donat'], fr: 'don', en: 'donation' },
  { stems: ['vot', 'vote'], fr: 'vote', en: 'vote' },
  { stems: ['evalu', 'rate', 'rating'], fr: 'évaluation', en: 'rating' },
  { stems: ['review'], fr: 'avis', en: 'review' },
  { stems: ['comment'], fr: 'commentaire', en: 'comment' },
  { stems: ['particip', 'attend'], fr: 'participation', en: 'attendance' },
  { stems: ['livr', 'deliver'], fr: 'livraison', en: 'delivery' },
  { stems: ['visit'], fr: 'visite', en: 'visit' },
  { stems: ['consult'], fr: 'consultation', en: 'consultation' },
  { stems: ['abonn', 'subscrib'], fr: 'abonnement', en: 'subscription' },
  { stems: ['adher'], fr: 'adhésion', en: 'membership' },
  { stems: ['signal', 'report'], fr: 'signalement', en: 'report' },
  { stems: ['postul', 'candidat', 'apply', 'appli'], fr: 'candidature', en: 'application' },
  { stems: ['rembours', 'refund'], fr: 'remboursement', en: 'refund' },
  { stems: ['cotis'], fr: 'cotisation', en: 'contribution' },
];

export function nominalisation(lemma: string): { fr: string; en: string } | undefined {
  for (const entry of NOMINALISATIONS) {
    if (entry.stems.some((stem) => lemma.startsWith(stem) && lemma.length - stem.length <= 5)) return entry;
  }
  return undefined;
}

/**
 * French ↔ English pairs for nouns that often appear in mixed specs ("Deliveries / livraisons…
 * chaque livraison est assignée à un coursier. Couriers have…"). Only used when a spec mixes both.
 */
export const BILINGUAL_NOUNS: readonly (readonly [string, string])[] = ([
  ['livraison', 'delivery'], ['coursier', 'courier'], ['client', 'customer'], ['commande', 'order'], ['produit', 'product'],
  ['facture', 'invoice'], ['utilisateur', 'user'], ['tache', 'task'], ['projet', 'project'], ['employe', 'employee'],
  ['etudiant', 'student'], ['enseignant', 'teacher'], ['cours', 'course'], ['reservation', 'booking'], ['evenement', 'event'],
  ['billet', 'ticket'], ['membre', 'member'], ['adherent', 'member'], ['medecin', 'doctor'], ['rendez-vous', 'appointment'],
  ['ordonnance', 'prescription'], ['dossier', 'case'], ['avocat', 'lawyer'], ['audience', 'hearing'], ['plat', 'dish'],
  ['table', 'table'], ['chauffeur', 'driver'], ['vehicule', 'vehicle'], ['colis', 'parcel'], ['entrepot', 'warehouse'],
  ['parcelle', 'plot'], ['recolte', 'harvest'], ['culture', 'crop'], ['seance', 'session'], ['abonnement', 'subscription'],
  ['ticket', 'ticket'], ['agent', 'agent'], ['article', 'article'], ['bien', 'property'], ['visite', 'visit'],
  ['proprietaire', 'owner'], ['locataire', 'tenant'], ['bail', 'lease'], ['conge', 'leave'], ['departement', 'department'],
  ['depense', 'expense'], ['compte', 'account'], ['don', 'donation'], ['benevole', 'volunteer'], ['auteur', 'author'],
  ['livre', 'book'], ['categorie', 'category'], ['avis', 'review'], ['paiement', 'payment'], ['equipe', 'team'],
  ['commentaire', 'comment'], ['etiquette', 'label'], ['fournisseur', 'supplier'], ['magasin', 'store'], ['salle', 'room'],
] as const);
