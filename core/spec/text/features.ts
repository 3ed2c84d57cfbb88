import type { FeatureTag, StackKind } from '../../api/project-model.ts';
import type { Draft } from './draft.ts';
import { origin } from './rule-helpers.ts';
import type { Sentence } from './sentence.ts';

/**
 * Feature tags and stack kinds from what the text asks for. Patterns run on the folded sentence
 * ("authentification", "pay by card (Stripe)", "Version mobile souhaitée"); a negation just before
 * a match ("no login", "sans base de données" is a wish, "pas de paiement") records a refusal
 * instead, which also stops later inference from adding the tag.
 */

const FEATURE_PATTERNS: readonly (readonly [FeatureTag, RegExp])[] = [
  ['auth', /\b(authentification|authentifies?|authentication|authenticated|login|logins|log in|logging in|se connecter|connexion|sign in|sign up|sign-in|sign-up|single sign-on|sso|oauth|comptes? utilisateurs?|user accounts?|(?:create|creer|cree|creent|ouvrir) (?:an|un|their|leur|son) (?:account|compte)|mot de passe|password|espace (?:membre|client|personnel|adherent|prive)|member area|acces (?:restreint|reserve|securise|prive)|back-office|backoffice|back office|identifiants?)\b/],
  ['gdpr', /\b(rgpd|gdpr|donnees personnelles|personal data|droit a l'oubli|right to be forgotten|suppression des donnees|(?:deletion|erasure) of (?:their|the|his|her|personal) data|delete their data|consentement|consent|privacy|protection des donnees|data protection|cnil|donnees de sante|health data)\b/],
  ['payments', /\b(paiements? en ligne|payer en ligne|pay online|online payments?|paiements? par carte|payer par carte|pay by card|pay with card|carte bancaire|credit card|stripe|paypal|checkout|payment gateway|passerelle de paiement|paiement securise|secure payment|paient en ligne|payments? online|paiements?\b[^.;]{0,40}\ben ligne|online payments? of|(?:payer|paient|paie|pay|pays|paying)\b[^.;]{0,60}\b(?:en ligne|online|par carte|by card)|pay (?:by|with) (?:card|paypal|stripe)|payment provider|prelevement|direct debit)\b/],
  ['notifications', /\b(notifications?|notifier|notify|notified|rappels?|reminders?|remind|alertes?|alerts?|sms|newsletters?|(?:e-?mail|courriel) de (?:confirmation|rappel|relance)|confirmation (?:e-?mail|par e-?mail)|e-?mail confirmation|send (?:an? |them an? )?e-?mail|sends? (?:me |us )?an? e-?mail|envoi (?:d'un|des|de|du) (?:e-?mails?|courriels?|sms)|envoyer (?:un|des) (?:e-?mails?|sms)|recevoir (?:un|des) (?:sms|e-?mails?)|push|digest|relances?|par (?:e-?mail|sms|courriel)|by (?:e-?mail|sms|text message))\b/],
  ['search', /\b(recherche|rechercher|recherches|search|searches|searched|searchable|chercher|filtres?|filtrer|filter|filters|filtering)\b/],
  ['upload', /\b(upload|uploads|uploaded|uploader|televerser|televersement|telecharger des (?:fichiers|documents|photos)|deposer des (?:fichiers|documents)|joindre|pieces? jointes?|attachments?|attach files?|importer des (?:photos|fichiers|documents))\b/],
  ['booking', /\b(reservations?|reserver|reservent|reserve en ligne|booking|bookings|book (?:a|an|their|online|classes|seats|tables?|rooms?|appointments?|sessions?|slots?)|can book|prise de rendez-vous|prendre (?:un )?rendez-vous|rendez-vous en ligne|appointment booking|book appointments)\b/],
  ['realtime', /\b(temps reel|real-time|realtime|real time|en direct|instantane|instantanement|instant messaging|websockets?|live updates?|live tracking)\b/],
  ['pdf', /\b(pdf|pdfs)\b/],
  ['export', /\b(export|exports|exporter|exported|exportable|csv|excel|xlsx)\b/],
  ['import', /\b(import|imports|importer des|imported|import en masse|bulk import)\b/],
  ['audit', /\b(audit|audits|audited|audite|audites|auditable|tracabilite|traceability|traced|journal (?:des|d') ?(?:modifications|actions|acces|audit)|audit (?:log|trail)|historique des (?:modifications|actions)|change log|qui a fait quoi)\b/],
  ['contact-form', /\b(formulaire de contact|contact form|contact-form|page (?:de )?contact|contact page)\b/],
  ['calendar', /\b(agenda|calendrier|calendar|calendars)\b/],
  ['maps', /\b(carte interactive|sur une carte|on a map|maps?|geolocalisation|geolocation|gps|itineraires?)\b/],
  ['chat', /\b(chat|tchat|messagerie|messaging|discussion en direct|live chat)\b/],
  ['analytics', /\b(statistiques|statistics|stats|tableau de bord|dashboards?|reporting|kpis?|analytics|indicateurs)\b/],
];

const STACK_PATTERNS: readonly (readonly [StackKind, RegExp])[] = [
  ['web', /\b(site|sites|website|web|application web|appli web|webapp|web app|navigateur|browser|plateforme|platform|portail|portal|back-office|backoffice|back office|intranet|extranet|saas|en ligne|online)\b/],
  ['api', /\b(api|apis|rest|graphql|webhooks?|backend|back-end|endpoints?)\b/],
  ['mobile', /\b((?:appli|application|app|version|site) mobile|mobile (?:app|apps|application|version)|ios|android|smartphones?|tablettes?|tablets?|sur (?:un |une |le |la |leur |son |sa |mon )?(?:telephone|mobile|smartphone|tablette)s?|on (?:a |an |the |their |your |my )?(?:mobile|phones?|smartphones?|tablets?)|handheld|\(mobile\)|mobile app)\b/],
  ['static', /\b(site statique|static site|static website|sans base de donnees|no database|without (?:a )?database|ipfs|site vitrine|landing page|one-page|page unique|github pages|jamstack|hosted for free)\b/],
  ['devops', /\b(docker|kubernetes|k8s|ci\/cd|ci cd|pipeline|deploiement continu|continuous (?:integration|deployment|delivery)|devops|terraform|ansible|helm|monitoring)\b/],
];

/** "no login", "sans connexion", "pas de paiement", "without accounts". */
const NEGATED_BEFORE = /\b(no|not|without|sans|pas de|pas d'|aucun|aucune|ni|never|jamais|pas besoin de|pas besoin d'|no need for)\s+(?:\S+\s+){0,1}$/;
/** "mobile-friendly", "responsive": a web app that works on phones, not a mobile app. */
const MOBILE_FRIENDLY = /\b(mobile-friendly|mobile friendly|responsive|adapte au mobile|adaptee au mobile|adapte aux mobiles)\b/;

function foldedText(sentence: Sentence): string {
  return sentence.tokens.map((t) => (t.fold.endsWith("'") ? t.fold : `${t.fold} `)).join('').replace(/ ([,.;:)])/g, '$1').replace(/\( /g, '(');
}

function scan<T extends string>(text: string, patterns: readonly (readonly [T, RegExp])[], onFound: (tag: T, match: string, negated: boolean) => void): void {
  for (const [tag, pattern] of patterns) {
    const match = pattern.exec(text);
    if (match === null) continue;
    const before = text.slice(Math.max(0, match.index - 30), match.index);
    onFound(tag, match[0], NEGATED_BEFORE.test(before));
  }
}

export function findFeatures(sentences: readonly Sentence[], draft: Draft): void {
  for (const sentence of sentences) {
    const text = foldedText(sentence);
    scan(text, FEATURE_PATTERNS, (tag, match, negated) => {
      if (negated) draft.negatedFeatures.add(tag);
      else if (!draft.negatedFeatures.has(tag)) draft.addFeature(tag, origin(sentence, undefined, 0.85, `"${match}" asks for ${tag}`));
    });
    scan(text, STACK_PATTERNS, (kind, match, negated) => {
      if (kind === 'mobile' && MOBILE_FRIENDLY.test(text)) return;
      if (negated) draft.negatedStacks.add(kind);
      else draft.addStack(kind, origin(sentence, undefined, kind === 'web' ? 0.7 : 0.85, `"${match}" asks for ${kind}`));
    });
  }
  // A static site is a website without a server: it replaces "web" unless a web application is asked for too.
  const web = draft.stacks.get('web');
  if (draft.stacks.has('static') && web !== undefined && !/application|appli|app|back-office|backoffice|plateforme|platform|portail|portal|intranet/.test(web.reason)) {
    draft.stacks.delete('web');
  }
  for (const kind of draft.negatedStacks) draft.stacks.delete(kind);
}
