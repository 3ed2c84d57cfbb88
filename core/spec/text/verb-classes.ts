/** Verbs (folded infinitives) grouped by what they say about the records of a spec. */

/** "gérer les patients", "manage orders": what follows is something the app keeps. */
export const MANAGE_LEMMAS = new Set(['gerer', 'manage', 'suivre', 'track', 'administrer', 'administer', 'organiser', 'organise', 'organize',
  'lister', 'list', 'enregistrer', 'record', 'stocker', 'store', 'centraliser', 'centralise', 'referencer', 'recenser', 'cataloguer',
  'planifier', 'plan', 'handle', 'repertorier', 'inventorier', 'archiver', 'archive']);
export const MANAGE_NOUNS = new Set(['gestion', 'management', 'suivi', 'tracking', 'liste', 'list', 'inventaire', 'inventory']);
/** "courses made of lessons", "un menu composé de plats": the whole has many parts. */
export const COMPOSE_LEMMAS = new Set(['make', 'compose', 'composer', 'consist', 'constituer', 'former', 'diviser', 'divide', 'comprise']);
/** Buying, booking, ordering: what is bought or booked is a record of the app. */
export const TRANSACTION = /^(buy|purchase|book|order|rent|borrow|reserve|acheter|reserver|commander|louer|emprunter)$/;
export const BELONG_LEMMAS = new Set(['appartenir', 'belong', 'rattacher', 'attach', 'lier', 'link', 'associer', 'associate', 'relier',
  'dependre', 'depend', 'concerner', 'concern', 'relate', 'refer', 'assign', 'assigner', 'affecter', 'attribuer', 'allocate',
  'correspondre', 'correspond', 'reference', 'referencer', 'pointer']);
