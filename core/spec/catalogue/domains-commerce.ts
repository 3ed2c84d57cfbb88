import { entity, keywords, type DomainEntry } from './domain-entry.ts';

/** Selling, hosting, renting and moving things. */
export const COMMERCE_DOMAINS: readonly DomainEntry[] = [
  {
    id: 'ecommerce',
    label: { fr: 'E-commerce', en: 'E-commerce' },
    keywords: keywords(`boutique_en_ligne:5 e-commerce:5 ecommerce:5 online_shop:5 online_store:5 webshop:5 eshop:5 panier:2 cart:3
      shopping_cart:4 checkout:3 produit:2 product:2 commande:2 order:1 stock:1 catalogue:1 catalog:1 livraison:1 shipping:2 stripe:1
      paypal:1 vendre_en_ligne:5 sell_online:5 vente_en_ligne:5 shop:2 bookshop:3 bookstore:4 librairie:2 marketplace:3 code_promo:2
      promo_code:2 customer:1 sell:1 vendre:1 boutique:2 cosmetique:1 article:1 coupon:2 wishlist:3 refund:1 remboursement:1`),
    entities: [
      entity('produit|product', 'nom|name:string, description:text, prix|price:money, stock:integer, photo:image'),
      entity('client|customer', 'nom|name:string, email:email, adresse de livraison|shipping address:string'),
      entity('commande|order', 'date:datetime, statut|status:string, total:money'),
    ],
    roles: ['admin', 'client'],
    features: ['auth', 'payments', 'search', 'notifications'],
  },
  {
    id: 'restaurant',
    label: { fr: 'Restauration', en: 'Restaurant' },
    keywords: keywords(`restaurant:4 plat:3 dish:3 menu:2 carte:1 table:2 couvert:3 serveur:2 waiter:2 cuisine:2 kitchen:2 chef:1
      reservation:1 food:2 repas:2 meal:2 takeaway:3 a_emporter:3 food_truck:5 pizzeria:5 cafe:2 brasserie:4 bistrot:4 bistro:4
      traiteur:3 vegetarien:1 vegan:1 boisson:2 drink:1 dessert:2 entree:1 recette:2 recipe:2 bar:1 snack:2 boulangerie:3 bakery:3
      menu_item:4 spicy:2 epice:1 diner:1 dejeuner:1 lunch:1 dinner:1`),
    entities: [
      entity('plat|dish', 'nom|name:string, description:text, prix|price:money, catégorie|category:string'),
      entity('réservation|reservation', 'date:date, heure|time:time, nombre de personnes|party size:integer, nom|name:string, téléphone|phone:phone'),
      entity('table|table', 'numéro|number:string, nombre de places|seats:integer'),
    ],
    roles: ['admin'],
    features: ['booking', 'notifications'],
  },
  {
    id: 'real-estate',
    label: { fr: 'Immobilier', en: 'Real estate' },
    keywords: keywords(`immobilier:4 immobiliere:4 real_estate:5 agence_immobiliere:6 bien_immobilier:5 appartement:3 apartment:3 maison:2
      house:1 property:3 propriete:2 locataire:3 tenant:3 proprietaire:2 landlord:3 loyer:3 rent:2 bail:3 lease:3 annonce:2 listing:2
      visite:2 viewing:2 agent_immobilier:5 surface:1 piece:1 m²:2 m2:2 terrain:1 syndic:3 copropriete:3 location:1 mandat:2
      estimation:1 realtor:4 bien:2`),
    entities: [
      entity('bien|property', 'titre|title:string, type:string, surface:decimal, prix|price:money, adresse|address:string, photos:image'),
      entity('propriétaire|owner', 'nom|name:string, téléphone|phone:phone, email:email'),
      entity('visite|viewing', 'date:date, heure|time:time, commentaire|comment:text'),
    ],
    roles: ['admin', 'agent'],
    features: ['search', 'contact-form', 'upload'],
  },
  {
    id: 'events',
    label: { fr: 'Événementiel', en: 'Events' },
    keywords: keywords(`evenement:2 event:2 festival:4 concert:3 conference:3 salon:2 billet:3 billetterie:4 ticketing:4 spectateur:3
      attendee:3 participant:1 speaker:3 intervenant:2 artiste:2 artist:2 scene:2 stage:1 venue:3 programme:1 programmation:3
      mariage:3 wedding:3 seminaire:3 seminar:3 meetup:3 exposant:3 exhibitor:3 gala:3 spectacle:3 show:1 tournoi:2 tournament:2
      line-up:3 lineup:3 badge:2`),
    entities: [
      entity('événement|event', 'titre|title:string, date:date, lieu|venue:string, description:text, capacité|capacity:integer'),
      entity('participant|attendee', 'nom|name:string, email:email'),
      entity('billet|ticket', 'catégorie|category:string, prix|price:money, code:string'),
    ],
    roles: ['admin', 'organisateur'],
    features: ['auth', 'payments', 'notifications'],
  },
  {
    id: 'logistics',
    label: { fr: 'Logistique', en: 'Logistics' },
    keywords: keywords(`livraison:2 delivery:2 colis:3 parcel:3 package:1 expedition:2 shipment:3 entrepot:3 warehouse:3 transporteur:3
      carrier:3 chauffeur:2 driver:2 coursier:3 courier:3 vehicule:2 vehicle:2 camion:3 truck:3 flotte:3 fleet:3 tournee:3 route:1
      dispatch:3 dispatcher:3 logistique:4 logistics:4 suivi_de_colis:4 tracking:2 inventaire:1 inventory:1 palette:3 pallet:3
      last-mile:3 fret:3 freight:3 pickup:2 depot:2 demenagement:3 transport:2`),
    entities: [
      entity('livraison|delivery', 'adresse d\'enlèvement|pickup address:string, adresse de livraison|delivery address:string, statut|status:string, poids|weight:decimal'),
      entity('chauffeur|driver', 'nom|name:string, téléphone|phone:phone'),
      entity('véhicule|vehicle', 'immatriculation|plate:string, type:string, capacité|capacity:decimal'),
    ],
    roles: ['admin', 'dispatcher', 'chauffeur'],
    features: ['auth', 'realtime', 'maps', 'notifications'],
  },
];
