/**
 * Verbs people use in specifications, with their conjugated forms generated from the infinitive
 * (folded, so `gèrent` and `gerent` are one form). A form found here is only a candidate: the
 * tagger still checks its position, since `commande`, `note` or `book` are nouns as often as verbs.
 */

export interface VerbForm {
  lemma: string;
  lang: 'fr' | 'en';
  /** Past participle (`réservé`, `written`): an adjective after a noun unless "be" precedes it. */
  participle: boolean;
  infinitive: boolean;
}

const FR_ER = `accepter acheter activer affecter afficher ajouter alerter animer annuler appeler apporter approuver
  archiver arroser assigner associer attribuer authentifier bloquer calculer candidater charger chercher classer
  clôturer coacher cocher collecter commander commenter compter concerner confirmer connecter consulter contacter
  contrôler cotiser créer cuisiner danser déclarer décharger déposer démarrer désactiver diagnostiquer distribuer
  documenter donner durer éditer embaucher emprunter encadrer enregistrer enseigner entraîner envoyer estimer étudier
  évaluer examiner expédier exporter facturer fermer filtrer former gagner générer gérer habiter héberger identifier
  importer imprimer indiquer installer inviter jouer laisser lier lister livrer localiser loger louer manager marquer
  mesurer modifier noter notifier opérer organiser participer partager passer payer peser piloter planifier planter
  plaider poster postuler préciser préparer présenter prêter programmer proposer publier rattacher rechercher
  récolter recruter refuser regrouper rejeter relancer relier remplacer rembourser renseigner réparer rappeler
  réserver retirer retourner réviser sauvegarder scanner semer signaler signer soigner stocker superviser supprimer
  suivre_ tracer transférer transporter travailler trier trouver utiliser vacciner valider vérifier verser visiter
  voter demander donner commencer débuter terminer affecter abonner adhérer consulter restaurer commercialiser
  accompagner animer rédiger saisir_ scanner tester livrer associer lier dérouler inscrire_ parrainer sponsoriser
  tracker archiver dupliquer noter évaluer classer ranger planifier rencontrer contacter appeler convoquer`;

const FR_IR = `choisir finir remplir saisir nourrir fournir garantir établir investir réussir agir bâtir`;

const FR_RE = `vendre rendre répondre dépendre attendre perdre entendre descendre correspondre`;

/** Irregular French forms, lemma first. */
const FR_IRREGULAR = `
  avoir:a,ont,ai,avons,avez,avait,avaient,aura,auront,aurait|eu
  être:est,sont,suis,sommes,êtes,était,étaient,sera,seront,serait|été
  pouvoir:peut,peuvent,peux,pouvons,pouvez,pourra,pourront,pourrait|pu
  devoir:doit,doivent,dois,devons,devez,devra,devront,devrait|dû
  vouloir:veut,veulent,veux,voulons,voulez,voudrais,voudrait,voudrions|voulu
  faire:fait,font,fais,faisons,faites,fera,feront|faits
  prendre:prend,prennent,prends,prenons|pris,prise,prises
  mettre:met,mettent,mets,mettons|mis,mise,mises
  voir:voit,voient,vois,voyons,voyez|vu,vue,vus,vues
  recevoir:reçoit,reçoivent,reçois,recevons|reçu,reçue,reçus,reçues
  écrire:écrit,écrivent,écris,écrivons|écrite,écrits,écrites
  décrire:décrit,décrivent|décrite,décrits,décrites
  inscrire:inscrit,inscrivent,inscris,inscrivons|inscrite,inscrits,inscrites
  prescrire:prescrit,prescrivent|prescrite,prescrits,prescrites
  suivre:suit,suivent,suivons|suivi,suivie,suivis,suivies
  dire:dit,disent,dites|
  aller:va,vont,vais,allons,allez|
  venir:vient,viennent,viens,venons|venu,venue
  tenir:tient,tiennent|tenu,tenue
  appartenir:appartient,appartiennent|appartenu
  contenir:contient,contiennent|contenu
  obtenir:obtient,obtiennent|obtenu
  comprendre:comprend,comprennent|compris,comprise
  apprendre:apprend,apprennent|appris
  permettre:permet,permettent|permis
  produire:produit,produisent|
  conduire:conduit,conduisent|
  lire:lit,lisent|lu,lue
  connaître:connaît,connait,connaissent|connu
  ouvrir:ouvre,ouvrent|ouvert,ouverte
  offrir:offre,offrent|offert,offerte
  couvrir:couvre,couvrent|couvert
  accueillir:accueille,accueillent|accueilli
  servir:sert,servent|servi,servie
  partir:part,partent|parti
  sortir:sort,sortent|sorti
  payer:paie,paient|
  envoyer:envoie,envoient|
  appeler:appelle,appellent|
  rappeler:rappelle,rappellent|
  posséder:possède,possèdent|
  comporter:comporte,comportent|
  disposer:dispose,disposent|
  souhaiter:souhaite,souhaitent|
  aimer:aime,aiment,aimerais,aimerait|
`;

const EN_VERBS = `accept add allow answer apply approve archive assign attach attend authenticate belong book borrow browse buy
  calculate call cancel charge check choose close collect comment complete concern confirm connect consist contact
  contain create deliver delete deposit describe donate download earn edit email enrol enroll enter escalate estimate
  evaluate export file fill filter find follow generate get give grade handle help hire host import include invite
  issue join keep lead leave like link list locate log login look make manage mark message need notify offer open
  order organise organize own participate pay pick place plan post prepare print publish purchase rate read receive
  record refer refund register reject relate remind renew rent reply report request require reserve resolve return
  review run save scan schedule search see select sell send share ship sign store submit subscribe support take teach
  track train transfer update upload use validate view visit vote want work write track cover contribute sponsor
  volunteer apply play perform coach exercise train deliver drive dispatch harvest plant sow grow water irrigate
  arrive depart travel receive subscribe pick collect bookmark
  treat prescribe diagnose examine bill invoice approve review belong relate refer link group assign`;

const EN_IRREGULAR = `
  be:is,are,was,were,being,am|been
  have:has,had,having|
  do:does,did|done
  buy:|bought
  sell:|sold
  write:wrote|written
  teach:|taught
  give:gave|given
  take:took|taken
  make:|made
  get:got|gotten
  send:|sent
  pay:|paid
  lead:|led
  keep:|kept
  find:|found
  see:saw|seen
  run:ran|
  hold:holds,holding|held
  choose:chose|chosen
  drive:drove|driven
  grow:grew|grown
  sow:|sown
  leave:|left
  go:goes,went|gone
  come:came|come
`;

/**
 * English words that are nouns at least as often as verbs: only a verb when something before them
 * says so (a pronoun, a modal, "to", a plural subject without article).
 */
export const EN_NOUN_LIKE_VERBS = new Set(`book order request report comment email message record visit review charge schedule
  plan return call check pick mark scan vote link bill invoice store run host post rate sign track use need like share
  place log note list file issue lead offer support answer reply contact transfer rent work grade search view
  help play water plant harvest coach volunteer exercise train group cover deposit login update delete filter
  estimate attach locate subscribe register dispatch drive print export import upload download`.split(/\s+/));

function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

// One spelling may be a French and an English form ("manage", "visite"/"visit"): kept per language.
const forms = new Map<string, VerbForm[]>();

function add(form: string, lemma: string, lang: 'fr' | 'en', participle: boolean, infinitive = false): void {
  const key = foldWord(form);
  const list = forms.get(key) ?? [];
  if (list.some((f) => f.lang === lang)) return;
  list.push({ lemma: foldWord(lemma), lang, participle, infinitive });
  forms.set(key, list);
}

function addFrenchEr(infinitive: string): void {
  const stem = infinitive.slice(0, -2);
  add(infinitive, infinitive, 'fr', false, true);
  for (const ending of ['e', 'es', 'ent', 'ons', 'ez', 'ait', 'aient', 'era', 'eront', 'erait', 'ant']) add(stem + ending, infinitive, 'fr', false);
  for (const ending of ['é', 'ée', 'és', 'ées']) add(stem + ending, infinitive, 'fr', true);
  // -cer/-ger keep their sound before a and o: commençons, gérant.
  if (stem.endsWith('g')) add(`${stem}eons`, infinitive, 'fr', false);
}

function addFrenchIr(infinitive: string): void {
  const stem = infinitive.slice(0, -2);
  add(infinitive, infinitive, 'fr', false, true);
  for (const ending of ['it', 'is', 'issent', 'issons', 'issez', 'issait', 'ira', 'iront']) add(stem + ending, infinitive, 'fr', false);
  for (const ending of ['i', 'ie', 'ies']) add(stem + ending, infinitive, 'fr', true);
}

function addFrenchRe(infinitive: string): void {
  const stem = infinitive.slice(0, -2);
  add(infinitive, infinitive, 'fr', false, true);
  for (const ending of ['', 's', 'ent', 'ons', 'ez', 'ait', 'ra', 'ront']) add(stem + ending, infinitive, 'fr', false);
  for (const ending of ['u', 'ue', 'us', 'ues']) add(stem + ending, infinitive, 'fr', true);
}

function addEnglish(base: string): void {
  add(base, base, 'en', false, true);
  const s = /(?:s|sh|ch|x|z|o)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`;
  add(s, base, 'en', false);
  const stem = base.endsWith('e') ? base.slice(0, -1) : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}i` : base;
  add(base.endsWith('e') ? `${base}d` : `${stem}ed`, base, 'en', true);
  add(`${base.endsWith('e') && !base.endsWith('ee') ? base.slice(0, -1) : base}ing`, base, 'en', false);
  // Doubled consonants: planned, shipped, enrolled, logged.
  if (/[^aeiou][aeiou][bdglmnprt]$/.test(base)) {
    add(`${base}${base.at(-1)}ed`, base, 'en', true);
    add(`${base}${base.at(-1)}ing`, base, 'en', false);
  }
}

function addIrregular(table: string, lang: 'fr' | 'en'): void {
  for (const line of table.trim().split('\n')) {
    const [lemma, lists] = line.trim().split(':') as [string, string];
    const [present, participles] = lists.split('|') as [string, string];
    for (const form of present.split(',').filter((f) => f !== '')) add(form, lemma, lang, false);
    for (const form of participles.split(',').filter((f) => f !== '')) add(form, lemma, lang, true);
    add(lemma, lemma, lang, false, true);
  }
}

// Irregular forms first: they win over generated ones for the same spelling.
addIrregular(FR_IRREGULAR, 'fr');
addIrregular(EN_IRREGULAR, 'en');
for (const verb of FR_ER.trim().split(/\s+/)) {
  const clean = verb.replace(/_$/, '');
  if (verb.endsWith('_')) continue; // listed elsewhere with its own conjugation
  if (clean.endsWith('er')) addFrenchEr(clean);
}
for (const verb of FR_IR.trim().split(/\s+/)) addFrenchIr(verb);
for (const verb of FR_RE.trim().split(/\s+/)) addFrenchRe(verb);
for (const verb of EN_VERBS.trim().split(/\s+/)) addEnglish(verb);

/** The verb a folded word may be a form of in a language (either, for mixed sentences), if any. */
export function verbForm(folded: string, lang: 'fr' | 'en' | 'mixed'): VerbForm | undefined {
  const list = forms.get(folded);
  if (list === undefined) return undefined;
  return lang === 'mixed' ? list[0] : list.find((f) => f.lang === lang);
}

/** Lemma of a French verb form unknown to the lists, by its ending (`réservent` → `reserver`). */
export function guessFrenchLemma(folded: string): string | undefined {
  const known = forms.get(folded)?.find((f) => f.lang === 'fr');
  if (known !== undefined) return known.lemma;
  for (const [ending, replacement] of [['issent', 'ir'], ['ent', 'er'], ['es', 'er'], ['e', 'er'], ['it', 'ir']] as const) {
    if (folded.endsWith(ending) && folded.length > ending.length + 2) return folded.slice(0, -ending.length) + replacement;
  }
  return undefined;
}
