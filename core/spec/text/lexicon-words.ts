/**
 * Closed-class words of French and English, folded (lower case, no accents). Rules rely on them to
 * find noun phrases; open-class words (nouns, verbs) are recognised by position and lists elsewhere.
 */

function set(words: string): ReadonlySet<string> {
  return new Set(words.trim().split(/\s+/));
}

export const DETERMINERS: Record<'fr' | 'en', ReadonlySet<string>> = {
  fr: set(`le la les l' un une des du ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs
    chaque tout toute tous toutes quelques certains certaines aucun aucune chacun chacune quel quelle seul seule seuls seules
    meme memes autre autres nouveau nouvel nouvelle nouveaux nouvelles differents differentes divers diverses`),
  en: set(`the a an this that these those my your his her its our their each every some any all either neither single same
    other another exactly new existing own various`),
};

/** Words that say "more than one" in a relation (`plusieurs`, `many`). */
export const MANY_WORDS = set(`plusieurs nombreux nombreuses multiples divers diverses many several multiple various numerous`);

export const PREPOSITIONS: Record<'fr' | 'en', ReadonlySet<string>> = {
  fr: set(`de d' a à au aux en dans sur pour par avec sans sous entre vers chez depuis pendant selon via contre apres
    avant lors concernant parmi jusqu' jusqu'a envers hors malgre durant`),
  en: set(`of to in on at for by with without from into onto per about within via through during after before between
    among under over against upon across towards toward along as`),
};

export const CONJUNCTIONS: Record<'fr' | 'en', ReadonlySet<string>> = {
  fr: set(`et ou ni mais puis donc car sinon quand lorsque lorsqu' si puisque comme afin tandis alors`),
  en: set(`and or nor but then plus where when while whereas because since unless until once so`),
};

export const PRONOUNS: Record<'fr' | 'en', ReadonlySet<string>> = {
  fr: set(`je j' tu il elle on nous vous ils elles se s' me m' te t' lui y qui que qu' dont ou ce c' ca cela celui celle
    ceux celles moi toi eux ceci quoi`),
  en: set(`i we you he she it they me us him them who which that what whom whose there here someone everyone anyone
    everything anything nothing something`),
};

export const SUBJECT_PRONOUNS = set(`je j' tu il elle on nous vous ils elles qui i we you he she it they who`);

export const NEGATIONS = set(`ne n' pas jamais aucun aucune sans non not no never without don't doesn't cannot can't won't`);

/** Forms of "be" and "have"; they open passives ("est donné par") and possession ("a un nom"). */
export const BE_FORMS = set(`est sont etre ete sera seront serait seraient etait etaient suis sommes etes soit soient
    is are was were be been being am`);
export const HAVE_FORMS = set(`a ont avoir eu aura auront aurait ai avons avez avait avaient has have had having`);

export const MODALS = set(`peut peuvent pouvoir pourra pourront pourrait pourraient puisse doit doivent devoir devra
    devront devrait devraient veut veulent vouloir voudrais voudrait voudrions voulons voulez souhaite souhaitent
    souhaitons souhaiterais souhaiterait veux faut faudrait aimerais aimerait aimerions permet permettent permettre
    can could must should shall will would may might need needs want wants wish`);

/** Elided French words glued to the next one by an apostrophe: `l'adhérent`, `d'adhésion`, `s'inscrivent`. */
export const ELISIONS = set(`l d j s n m t c qu jusqu lorsqu puisqu quelqu presqu`);

/** Adverbs and fillers that never name anything. */
export const FILLERS = set(`aussi egalement seulement uniquement simplement notamment ensuite enfin bien tres plus moins
    deja encore toujours souvent parfois ainsi alors meme surtout aussi environ eventuellement idealement
    also only just simply then too very more less already still always often sometimes really especially
    mainly mostly ideally eventually probably maybe perhaps etc online offline together automatically automatiquement directly
    directement easily facilement quickly rapidement instantly immediately immediatement now later maintenant`);

export function isDeterminer(word: string): boolean {
  return DETERMINERS.fr.has(word) || DETERMINERS.en.has(word);
}
