import type { FieldType } from '../../api/project-model.ts';
import type { Draft, DraftEntity } from './draft.ts';
import { addItem } from './add-item.ts';
import { fold } from './normalise.ts';
import { FIELD_TABLE } from './segment.ts';
import type { Sentence } from './sentence.ts';
import { tagTokens, tokenise } from './tokenise.ts';

/**
 * Attribute tables under an entity's heading:
 *
 *   ## Chantier
 *   | Champ | Type | Obligatoire |
 *   | nom   | texte | oui        |
 *
 * One row is one field; the type, required, unique and values columns are read when present.
 */

const TYPE_WORDS: readonly (readonly [RegExp, FieldType])[] = [
  [/^(texte long|long text|paragraphe|paragraph|textarea|description|texte libre|free text)$/, 'text'],
  [/^(texte|text|string|chaine|chaine de caracteres|varchar|caracteres|characters)$/, 'string'],
  [/^(nombre entier|entier|integer|int|nombre|number|count)$/, 'integer'],
  [/^(decimal|nombre decimal|reel|float|double|numeric)$/, 'decimal'],
  [/^(montant|money|prix|price|devise|currency|euros?|amount)$/, 'money'],
  [/^(date et heure|datetime|date-heure|horodatage|timestamp)$/, 'datetime'],
  [/^(date)$/, 'date'],
  [/^(heure|time|horaire)$/, 'time'],
  [/^(e-?mail|courriel|adresse e-?mail)$/, 'email'],
  [/^(telephone|tel|phone|phone number|numero de telephone)$/, 'phone'],
  [/^(url|lien|link|site web|website)$/, 'url'],
  [/^(booleen|boolean|bool|oui\/non|yes\/no|case a cocher|checkbox|vrai\/faux)$/, 'boolean'],
  [/^(liste|enum|enumeration|choix|select|liste deroulante|dropdown|options?)$/, 'enum'],
  [/^(fichier|file|document|pdf|piece jointe|attachment)$/, 'file'],
  [/^(image|photo|picture|logo)$/, 'image'],
];

const YES = /^(oui|yes|y|o|x|true|vrai|obligatoire|required|✓|✔|1)$/;
const NO = /^(non|no|n|false|faux|facultatif|optional|optionnel|-|0)$/;

function column(header: readonly string[], pattern: RegExp): number {
  return header.findIndex((cell) => pattern.test(fold(cell)));
}

export function isFieldTableRow(sentence: Sentence): boolean {
  const header = sentence.block.header;
  return sentence.block.kind === 'row' && header !== undefined && FIELD_TABLE.test(fold(header[0] ?? ''));
}

export function readFieldTableRow(draft: Draft, sentence: Sentence, entity: DraftEntity | undefined): boolean {
  const { cells, header } = sentence.block;
  if (cells === undefined || header === undefined || !FIELD_TABLE.test(fold(header[0] ?? '')) || !sentence.firstInBlock) return false;
  if (entity === undefined || cells[0] === undefined || cells[0].trim() === '') return true;
  const tokens = tagTokens(tokenise(cells[0]), sentence.lang).map((t) => ({ ...t, start: sentence.tokens[0]?.start ?? 0 }));
  const typeCell = cells[column(header, /^(type|format|nature|kind)$/)];
  const required = cells[column(header, /^(obligatoire|required|requis|mandatory|requise)$/)];
  const unique = cells[column(header, /^(unique|uniqueness)$/)];
  const valuesCell = cells[column(header, /^(valeurs?|values?|options|choix|valeurs possibles|possible values)$/)];
  const type = typeCell === undefined ? undefined : TYPE_WORDS.find(([pattern]) => pattern.test(fold(typeCell).trim()))?.[1];
  const values = valuesCell === undefined ? undefined : valuesCell.split(/[,/;|]/).map((v) => v.trim()).filter((v) => v !== '');
  const item: Parameters<typeof addItem>[3] = { name: tokens.filter((t) => t.tag !== 'punct'), raw: tokens };
  if (type === 'boolean') item.boolean = true;
  if (values !== undefined && values.length >= 2) item.values = values;
  if (required !== undefined && YES.test(fold(required).trim())) item.required = true;
  else if (required !== undefined && NO.test(fold(required).trim())) item.required = false;
  if (unique !== undefined && YES.test(fold(unique).trim())) item.unique = true;
  const field = addItem(draft, sentence, entity, item, `row of the attribute table of ${entity.label}`, 0.9);
  if (field !== undefined && type !== undefined && type !== 'boolean' && !(type === 'enum' && item.values === undefined)) {
    field.type = type;
    field.typeReason = `the table gives the type "${typeCell}"`;
  }
  entity.hasOwnFields = true;
  return true;
}
