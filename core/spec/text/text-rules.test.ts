import { describe, expect, it } from 'vitest';
import { parseSpec } from '../parse-spec.ts';
import { singularFold } from './normalise.ts';

/** The extractor's rules one by one, on short sentences of the kinds people write. */

function model(text: string) {
  return parseSpec({ text, format: 'text' }).model;
}

function fields(text: string, entity: string): Record<string, string> {
  const found = model(text).entities.find((e) => e.name === entity);
  return Object.fromEntries((found?.fields ?? []).map((f) => [f.name, f.type === 'enum' ? `enum:${f.values?.join('|')}` : f.type]));
}

function linked(text: string): string[] {
  return model(text).entities.flatMap((e) => e.relations.map((r) => `${e.name} ${r.kind} ${r.target}`));
}

describe('words', () => {
  it('singularises French and English plurals, leaving invariable words alone', () => {
    expect(['adhérents', 'cours', 'prix', 'bureaux', 'journaux', 'lieux'].map((w) => singularFold(w, 'fr'))).toEqual(['adherent', 'cours', 'prix', 'bureau', 'journal', 'lieu']);
    expect(['entries', 'classes', 'statuses', 'quizzes', 'people', 'addresses', 'cases'].map((w) => singularFold(w, 'en'))).toEqual(['entry', 'class', 'status', 'quiz', 'person', 'address', 'case']);
  });
});

describe('field types from names and wording', () => {
  it('reads French names', () => {
    expect(fields('Clients : email, téléphone, prix payé, date de naissance, heure de passage, nombre de places, site web, photo, contrat (PDF), remarques.', 'Client')).toEqual({
      email: 'email', telephone: 'phone', prixPaye: 'money', dateDeNaissance: 'date', heureDePassage: 'time', nombreDePlaces: 'integer', siteWeb: 'url', photo: 'image', contrat: 'string', remarques: 'text',
    });
  });

  it('reads yes/no wording and lists of values', () => {
    expect(fields('Il faut gérer des plats avec un nom, une catégorie (entrée, plat, dessert) et s’ils sont végétariens ou non.', 'Plat')).toEqual({ nom: 'string', categorie: 'enum:entrée|plat|dessert', vegetariens: 'boolean' });
    expect(fields('Tables : numéro, en terrasse ou pas, climatisée oui/non.', 'Table')).toEqual({ numero: 'string', terrasse: 'boolean', climatisee: 'boolean' });
    expect(fields('Orders have a status: pending, paid or cancelled, and a total amount.', 'Order')).toEqual({ status: 'enum:pending|paid|cancelled', totalAmount: 'money' });
  });

  it('keeps units, ranges and optional flags', () => {
    const found = model('Séances : durée en minutes, note de 1 à 5, commentaire (facultatif).').entities[0]!;
    expect(found.fields).toEqual([
      expect.objectContaining({ name: 'duree', type: 'integer', unit: 'minutes' }),
      expect.objectContaining({ name: 'note', type: 'integer', min: 1, max: 5 }),
      expect.objectContaining({ name: 'commentaire', type: 'text', required: false }),
    ]);
  });
});

describe('relations from phrasing', () => {
  it('understands "chaque X a plusieurs Y", "est rattaché à", "pour un X"', () => {
    expect(linked('Clients : nom. Factures : montant. Chaque client peut avoir plusieurs factures.')).toEqual(['Client hasMany Facture']);
    expect(linked('Billets : prix. Concerts : date. Chaque billet est rattaché à un concert.')).toEqual(['Billet belongsTo Concert']);
    expect(linked('Patients : nom. Les médecins rédigent des ordonnances pour un patient : date, contenu.')).toEqual(['Ordonnance belongsTo Patient']);
  });

  it('understands "belongs to", "has many", "is written by one or more"', () => {
    expect(linked('Customers: name. Orders: date. An order belongs to a customer.')).toEqual(['Order belongsTo Customer']);
    expect(linked('Cases: title. Hearings: date. A case has many hearings.')).toEqual(['Case hasMany Hearing']);
    expect(linked('Books: title. Authors: name. A book is written by one or more authors.')).toEqual(['Book manyToMany Author']);
  });
});

describe('domain, roles, features, stacks', () => {
  it('falls back to generic when no métier stands out, and says so', () => {
    const result = parseSpec({ text: 'Items: name, colour. Boxes: size.', format: 'text' });
    expect(result.model.domain).toBe('generic');
    expect(result.sources.find((s) => s.path === 'domain')).toMatchObject({ status: 'suggested' });
  });

  it('reads roles from a list, from who may do what, and from user stories', () => {
    expect(model('Rôles : admin, enseignant, étudiant.').roles).toEqual(['admin', 'enseignant', 'etudiant']);
    expect(model('Les adhérents voient seulement les événements.').roles).toEqual(['adherent']);
    expect(model('As a librarian, I want to register books (title, ISBN).').roles).toEqual(['librarian']);
  });

  it('reads stacks and refuses negated features', () => {
    const app = model('Application web + API, version mobile souhaitée, sans paiement en ligne. Connexion obligatoire.');
    expect(app.stacks).toEqual(['web', 'api', 'mobile']);
    expect(app.features).toContain('auth');
    expect(app.features).not.toContain('payments');
  });
});
