import { entity, keywords, type DomainEntry } from './domain-entry.ts';

/** Care, law, learning and support métiers. */
export const SERVICE_DOMAINS: readonly DomainEntry[] = [
  {
    id: 'health',
    label: { fr: 'Santé', en: 'Health' },
    keywords: keywords(`medecin:3 patient:3 docteur:2 doctor:2 clinique:3 clinic:3 cabinet_medical:5 hopital:3 hospital:3 ordonnance:3
      prescription:3 consultation:2 soin:2 infirmier:2 infirmiere:2 nurse:2 dentiste:3 dentist:3 dental:3 dentaire:3 kine:3 kinesitherapeute:3
      pharmacie:2 pharmacy:2 dossier_medical:4 medical_record:4 medical:2 medicale:2 sante:2 health:2 therapeute:2 therapist:2
      allergie:2 allergy:2 diagnostic:2 diagnosis:2 symptome:2 symptom:2 psychologue:3 mutuelle:2 vaccin:2 vaccination:2
      generaliste:3 specialiste:1 rendez-vous:1 appointment:1 traitement:1 treatment:1 teleconsultation:3 ehpad:4 sage-femme:3`),
    entities: [
      entity('patient|patient', 'nom|last name:string, prénom|first name:string, date de naissance|birth date:date, téléphone|phone:phone, email:email'),
      entity('médecin|doctor', 'nom|name:string, spécialité|specialty:string, email:email'),
      entity('rendez-vous|appointment', 'date:date, heure|time:time, motif|reason:text, statut|status:string'),
    ],
    roles: ['admin', 'medecin', 'secretaire'],
    features: ['auth', 'gdpr', 'booking', 'notifications', 'audit'],
    specialEntities: ['ordonnance', 'prescription', 'consultation', 'dossier medical', 'medical record', 'rendez-vous', 'appointment',
      'traitement', 'treatment', 'treatment note', 'soin', 'examen', 'exam', 'analyse', 'vaccination', 'diagnostic', 'diagnosis', 'visit', 'visite',
      'compte rendu', 'report', 'note medicale', 'seance', 'session', 'bilan'],
  },
  {
    id: 'legal',
    label: { fr: 'Juridique', en: 'Legal' },
    keywords: keywords(`avocat:3 lawyer:3 attorney:3 law_firm:5 law:2 cabinet_d_avocat:5 juridique:3 legal:2 tribunal:3 court:2 hearing:2
      audience:1 notaire:3 notary:3 huissier:3 contentieux:3 litigation:3 bar_number:3 juriste:3 barreau:3 plaidoirie:3 proces:2
      jurisprudence:3 affaire:1 dossier:1 case:1 contrat:1 contract:1 honoraire:2 partner:1 practice_area:3 conseil_juridique:4`),
    entities: [
      entity('dossier|case', 'numéro|reference number:string, intitulé|title:string, date d\'ouverture|opening date:date, statut|status:string'),
      entity('client|client', 'nom|name:string, email:email, téléphone|phone:phone, adresse|address:string'),
      entity('document|document', 'titre|title:string, fichier|file:file, date|date:date'),
    ],
    roles: ['admin', 'avocat', 'assistant'],
    features: ['auth', 'gdpr', 'audit', 'upload'],
  },
  {
    id: 'education',
    label: { fr: 'Éducation', en: 'Education' },
    keywords: keywords(`ecole:3 school:3 cours:2 course:2 enseignant:3 teacher:3 professeur:3 etudiant:3 student:3 eleve:3 pupil:3
      formation:2 enrolment:2 enrollment:2 grade:2 examen:2 exam:2 diplome:2 universite:3 university:3 lycee:3 college:2 classe:2
      lms:3 e-learning:3 elearning:3 formateur:3 apprenant:3 learner:3 curriculum:2 homework:2 devoir:2 attestation:1 inscription:1
      lecon:2 lesson:2 quiz:2 matiere:2 subject:1 bulletin:2 creche:3 tutorat:3 tutoring:3 academie:2 academy:2 module:1`),
    entities: [
      entity('cours|course', 'intitulé|title:string, description:text, date de début|start date:date, nombre de places|capacity:integer'),
      entity('étudiant|student', 'nom|last name:string, prénom|first name:string, email:email'),
      entity('inscription|enrolment', 'date:date, statut|status:string'),
    ],
    roles: ['admin', 'enseignant', 'etudiant'],
    features: ['auth'],
  },
  {
    id: 'helpdesk',
    label: { fr: 'Support client', en: 'Helpdesk' },
    keywords: keywords(`helpdesk:5 help_desk:5 support:3 ticket:2 incident:3 assistance:2 sla:4 service_client:4 customer_support:5
      support_desk:5 reclamation:3 complaint:3 escalade:2 escalation:3 knowledge_base:3 base_de_connaissance:3 hotline:3 depannage:2
      requete:1 priorite:1 priority:1 agent:1 inbox:2 saas:1`),
    entities: [
      entity('ticket|ticket', 'sujet|subject:string, description:text, priorité|priority:string, statut|status:string'),
      entity('client|customer', 'nom|name:string, email:email'),
      entity('réponse|reply', 'message:text, date d\'envoi|sent at:datetime'),
    ],
    roles: ['admin', 'agent', 'client'],
    features: ['auth', 'notifications', 'search'],
  },
];
