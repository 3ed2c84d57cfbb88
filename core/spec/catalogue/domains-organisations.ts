import { entity, keywords, type DomainEntry } from './domain-entry.ts';

/** Running an organisation, a farm, a gym, a practice or one's own work. */
export const ORGANISATION_DOMAINS: readonly DomainEntry[] = [
  {
    id: 'hr',
    label: { fr: 'Ressources humaines', en: 'Human resources' },
    keywords: keywords(`rh:3 hr:3 ressources_humaines:5 human_resources:5 employe:3 employee:3 salarie:3 conge:3 leave:2 recrutement:3
      recruitment:3 recruiting:3 candidat:2 candidate:2 candidature:2 poste:1 job:1 offre_d_emploi:4 job_offer:4 job_posting:4 paie:2
      payroll:3 fiche_de_paie:4 payslip:3 onboarding:3 entretien:2 interview:2 departement:1 department:1 timesheet:3
      feuille_de_temps:4 absence:2 contrat_de_travail:4 cv:2 evaluation_annuelle:4 performance_review:4 intranet:2 collaborateur:2`),
    entities: [
      entity('employé|employee', 'prénom|first name:string, nom|last name:string, email:email, poste|job title:string, date d\'embauche|hire date:date'),
      entity('demande de congé|leave request', 'type:string, date de début|start date:date, date de fin|end date:date, statut|status:string'),
      entity('département|department', 'nom|name:string'),
    ],
    roles: ['admin', 'manager', 'employe'],
    features: ['auth', 'notifications', 'gdpr'],
  },
  {
    id: 'finance',
    label: { fr: 'Finance et comptabilité', en: 'Finance' },
    keywords: keywords(`facture:3 invoice:3 devis:2 quote:1 comptabilite:4 accounting:4 comptable:3 accountant:3 depense:3 expense:3
      note_de_frais:4 budget:2 transaction:2 compte_bancaire:3 bank_account:3 banque:2 bank:2 paiement:1 payment:1 tresorerie:3
      cash_flow:3 tva:2 vat:2 impot:2 tax:2 credit:1 pret:2 loan:2 investissement:2 investment:2 facturation:3 billing:2 relance:1
      impaye:2 unpaid:2 recu:1 receipt:1 fournisseur:1 supplier:1 ledger:3 grand_livre:3 bilan:2`),
    entities: [
      entity('client|customer', 'nom|name:string, email:email, téléphone|phone:phone, adresse|address:string'),
      entity('facture|invoice', 'numéro|number:string, date:date, montant|amount:money, statut|status:string, date d\'échéance|due date:date'),
      entity('paiement|payment', 'date:date, montant|amount:money, moyen de paiement|method:string'),
    ],
    roles: ['admin', 'comptable'],
    features: ['auth', 'pdf', 'export', 'notifications'],
  },
  {
    id: 'nonprofit',
    label: { fr: 'Association', en: 'Nonprofit' },
    keywords: keywords(`association:4 asso:3 nonprofit:4 non-profit:4 charity:4 ong:3 ngo:3 adherent:3 cotisation:3 membership_fee:3
      benevole:3 volunteer:3 don:2 donation:3 donateur:3 donor:3 bureau:1 president:1 tresorier:2 treasurer:2 assemblee_generale:4
      food_bank:5 banque_alimentaire:5 beneficiaire:2 beneficiary:2 fundraising:3 collecte:2 loi_1901:5 solidaire:2 humanitaire:3`),
    entities: [
      entity('adhérent|member', 'nom|last name:string, prénom|first name:string, email:email, téléphone|phone:phone, date d\'adhésion|join date:date'),
      entity('cotisation|membership fee', 'année|year:integer, montant|amount:money, date de paiement|payment date:date'),
      entity('événement|event', 'titre|title:string, date:date, lieu|place:string'),
    ],
    roles: ['admin', 'adherent'],
    features: ['auth', 'notifications', 'export', 'gdpr'],
  },
  {
    id: 'agriculture',
    label: { fr: 'Agriculture', en: 'Agriculture' },
    keywords: keywords(`ferme:3 farm:3 exploitation_agricole:6 agricole:3 agriculture:4 agriculteur:3 farmer:3 parcelle:3 plot:1
      culture:2 crop:3 recolte:3 harvest:3 semis:3 sowing:3 elevage:3 livestock:3 betail:3 cattle:3 troupeau:3 herd:3 tracteur:3
      tractor:3 irrigation:3 maraichage:4 verger:3 orchard:3 vigne:3 vineyard:3 rendement:2 yield:1 engrais:3 fertilizer:3 serre:2
      greenhouse:3 amap:3 bio:1 organic:1 ouvrier_agricole:4 semence:3 seed:2 sol:1 soil:2 animal:1 vache:3 cow:3`),
    entities: [
      entity('parcelle|plot', 'nom|name:string, surface|area:decimal, culture|crop:string'),
      entity('récolte|harvest', 'date:date, quantité|quantity:decimal, produit|product:string'),
      entity('intervention|operation', 'date:date, type:string, remarque|note:text'),
    ],
    roles: ['admin', 'ouvrier'],
    features: ['auth'],
  },
  {
    id: 'fitness',
    label: { fr: 'Sport et fitness', en: 'Fitness' },
    keywords: keywords(`salle_de_sport:5 gym:4 fitness:4 coach:2 seance:2 session:1 workout:3 entrainement:3 training:1 abonnement:1
      membership:2 membre:1 member:1 musculation:4 yoga:2 pilates:2 crossfit:3 boxe:2 boxing:2 club_de_sport:4 cours_collectif:3
      group_class:3 personal_trainer:4 club:1 sport:1 sportif:1 piscine:2 natation:2 danse:2 dance:2 arts_martiaux:3 martial_art:3`),
    entities: [
      entity('membre|member', 'nom|name:string, email:email, téléphone|phone:phone, type d\'abonnement|membership type:string'),
      entity('coach|coach', 'nom|name:string, spécialité|speciality:string'),
      entity('cours|class', 'nom|name:string, date:date, heure|time:time, capacité|capacity:integer'),
    ],
    roles: ['admin', 'coach', 'membre'],
    features: ['auth', 'booking', 'payments', 'notifications'],
  },
  {
    id: 'portfolio',
    label: { fr: 'Portfolio', en: 'Portfolio' },
    keywords: keywords(`portfolio:5 photographe:4 photographer:4 freelance:2 galerie:3 gallery:3 vitrine:2 showcase:3 designer:2
      illustrateur:3 illustrator:3 about_me:3 a_propos:2 site_personnel:4 personal_website:4 oeuvre:2 artwork:3 artiste:1 artist:1
      book_photo:3 graphiste:3 architecte:2 cv_en_ligne:4 realisation:2`),
    entities: [
      entity('projet|project', 'titre|title:string, année|year:integer, description:text, photos:image'),
    ],
    roles: [],
    features: ['contact-form'],
  },
  {
    id: 'productivity',
    label: { fr: 'Productivité', en: 'Productivity' },
    keywords: keywords(`tache:3 task:3 todo:4 to-do:4 to_do_list:4 kanban:4 trello:4 board:1 sprint:2 jalon:2 milestone:2 rappel:1
      reminder:1 note:1 agenda:1 calendrier:1 calendar:1 gestion_de_tache:5 task_manager:5 checklist:3 pomodoro:4 deadline:1
      echeance:1 workspace:2 espace_de_travail:2 projet:1 project:1 label:1 etiquette:1 productivite:4 productivity:4
      prise_de_note:5 note_taking:5 bloc-note:4 notebook:2 carnet:2 memo:2 pense-bete:4 liste_de_course:4 habit:2 habitude:2`),
    entities: [
      entity('tâche|task', 'titre|title:string, description:text, échéance|due date:date, statut|status:string, priorité|priority:string'),
      entity('projet|project', 'nom|name:string, description:text'),
    ],
    roles: [],
    features: ['auth', 'notifications'],
  },
];
