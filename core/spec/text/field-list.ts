import { guessFieldType, looksLikeField } from './field-types.ts';
import { fold } from './normalise.ts';
import type { Token } from './tokenise.ts';

/**
 * Reads a list of attributes — "nom, prénom, date de naissance", "a title, an ISBN and a price",
 * "a status: pending, paid or cancelled, and a total amount" — into raw items with their
 * qualifiers (values, unit, range, yes/no, optional). Naming and typing happen later.
 */

export interface ListItem {
  /** Name tokens, determiners and qualifiers removed. */
  name: Token[];
  values?: string[];
  boolean?: true;
  unit?: string;
  min?: number;
  max?: number;
  required?: boolean;
  unique?: true;
  description?: string;
  /** Parenthesised "(an employee)": a determiner and a noun, resolved by the caller. */
  referenceWords?: Token[];
  /** Tokens of the whole item, for the caller's checks (entity names, verbs). */
  raw: Token[];
  /** A parenthesised group after the name the caller may want to read itself (fields of an entity). */
  paren?: Token[];
}

export interface ParsedList {
  items: ListItem[];
  /** Index (in the given tokens) where the list stopped, when a clause followed it. */
  stoppedAt: number;
}

export const UNITS = new Set(`minutes minute min heures heure hours hour h jours jour days day semaines semaine weeks week mois months month
  ans an annees annee years year kg g grammes gramme grams gram tonnes tonne t m m² m2 m3 km cm mm hectares hectare ha litres litre liters
  liter l euros euro € eur dollars dollar $ usd dzd mad % pourcent percent pages points pts`.split(/\s+/));
const YES_NO = /^(oui\/non|non\/oui|yes\/no|no\/yes|o\/n|y\/n|true\/false|vrai\/faux|oui ou non|yes or no)$/;
const OPTIONAL = new Set(['optional', 'optionnel', 'optionnelle', 'facultatif', 'facultative', 'optionnal']);
const REQUIRED = new Set(['obligatoire', 'required', 'mandatory', 'requis', 'requise']);
const DROP_ADJECTIVES = new Set(['short', 'brief', 'small', 'little', 'petit', 'petite', 'court', 'courte', 'bref', 'breve', 'optional', 'full-text']);
const BOOL_TAIL = [['ou', 'non'], ['ou', 'pas'], ['or', 'not'], ['oui', 'non'], ['yes', 'no'], ['flag']];
const VERBISH = new Set(['verb', 'modal', 'have']);

function text(tokens: readonly Token[]): string {
  return tokens.map((t) => t.text).join(' ').replace(/ ?' ?/g, "'").replace(/ ?\/ ?/g, '/').replace(/\s+/g, ' ').trim();
}

function splitTop(tokens: readonly Token[], isSeparator: (t: Token, i: number) => boolean): Token[][] {
  const parts: Token[][] = [[]];
  let depth = 0;
  tokens.forEach((t, i) => {
    if (t.tag === 'open') depth += 1;
    if (t.tag === 'close') depth = Math.max(0, depth - 1);
    if (depth === 0 && isSeparator(t, i)) parts.push([]);
    else parts.at(-1)!.push(t);
  });
  return parts.filter((p) => p.length > 0);
}

/** Values of an enum written in a parenthesis or after a colon: "prévu, honoré, annulé", "low/medium/high". */
export function readValues(tokens: readonly Token[]): string[] | undefined {
  const parts = splitTop(tokens, (t, i) => t.text === ',' || t.text === '/' || t.text === ';' || (t.tag === 'conj' && ['ou', 'or', 'et', 'and'].includes(t.fold)) || (t.fold === 'ou' && tokens[i - 1]?.text === ','));
  const values = parts.map((p) => text(p.filter((t) => t.tag !== 'conj' && t.tag !== 'quote')).replace(/\.$/, '')).filter((v) => v.length > 0);
  if (values.length < 2 || values.some((v) => v.split(' ').length > 4 || v.length > 60)) return undefined;
  return [...new Set(values)];
}

/** "A1 à C2" → A1…C2 (language levels and similar letter-digit grades). */
function gradeRange(from: string, to: string): string[] | undefined {
  const a = /^([A-Z])([0-9])$/.exec(from);
  const b = /^([A-Z])([0-9])$/.exec(to);
  if (a === null || b === null) return undefined;
  const letters = b[1]!.charCodeAt(0) - a[1]!.charCodeAt(0);
  if (letters < 0 || letters > 5 || a[2] !== '1' || Number(b[2]) > 9) return undefined;
  const values: string[] = [];
  for (let l = 0; l <= letters; l += 1) for (let d = 1; d <= Number(b[2]); d += 1) values.push(`${String.fromCharCode(a[1]!.charCodeAt(0) + l)}${d}`);
  return values;
}

function readRange(tokens: readonly Token[]): { min?: number; max?: number; values?: string[] } | undefined {
  const words = tokens.map((t) => t.fold);
  const s = words.join(' ');
  let m = /^(?:de |from |between |entre )?([a-z]?\d+(?:[.,]\d+)?) (?:a|à|to|and|et|-) ([a-z]?\d+(?:[.,]\d+)?)$/.exec(s);
  if (m !== null) {
    const grades = gradeRange(tokens.find((t) => t.fold === m![1])?.text.toUpperCase() ?? '', tokens.find((t) => t.fold === m![2])?.text.toUpperCase() ?? '');
    if (grades !== undefined) return { values: grades };
    const min = Number(m[1]!.replace(',', '.'));
    const max = Number(m[2]!.replace(',', '.'));
    if (Number.isFinite(min) && Number.isFinite(max) && min <= max) return { min, max };
  }
  m = /^(\d+)-(\d+)$/.exec(s);
  if (m !== null && Number(m[1]) <= Number(m[2])) return { min: Number(m[1]), max: Number(m[2]) };
  m = /^(?:sur|out of|\/) (\d+)$/.exec(s.replace(/^\//, '/ '));
  if (m !== null) return { min: 0, max: Number(m[1]) };
  return undefined;
}

/** Reads a trailing parenthesis into the item: yes/no, optional, unit, range, reference, values, or a note. */
function applyParen(item: ListItem, inner: Token[]): void {
  // Kept whatever it turns out to be: callers read it as attributes when the item names an entity.
  item.paren = inner;
  const plain = fold(text(inner));
  const words = inner.filter((t) => t.tag !== 'punct');
  if (YES_NO.test(plain)) {
    item.boolean = true;
    return;
  }
  if (words.length === 1 && OPTIONAL.has(words[0]!.fold)) {
    item.required = false;
    return;
  }
  if (words.length === 1 && REQUIRED.has(words[0]!.fold)) {
    item.required = true;
    return;
  }
  if (words.length === 1 && words[0]!.fold === 'unique') {
    item.unique = true;
    return;
  }
  const unit = words.filter((t) => !['en', 'in'].includes(t.fold));
  if (unit.length === 1 && UNITS.has(unit[0]!.fold)) {
    item.unit = unit[0]!.text;
    return;
  }
  const range = readRange(words);
  if (range !== undefined) {
    Object.assign(item, range);
    return;
  }
  if (words.length === 2 && words[0]!.tag === 'det') {
    item.referenceWords = [words[1]!];
    return;
  }
  const values = readValues(inner);
  if (values !== undefined) {
    item.values = values;
    return;
  }
  if (inner.length <= 40) item.description = text(inner);
}

function stripTail(tokens: Token[], item: ListItem): Token[] {
  let t = tokens;
  for (;;) {
    const last = t.at(-1);
    if (last === undefined) return t;
    if (last.tag === 'close') {
      let depth = 0;
      let k = t.length - 1;
      for (; k >= 0; k -= 1) {
        if (t[k]!.tag === 'close') depth += 1;
        if (t[k]!.tag === 'open') depth -= 1;
        if (depth === 0) break;
      }
      if (k <= 0) return t;
      applyParen(item, t.slice(k + 1, -1));
      t = t.slice(0, k);
      continue;
    }
    const tail = BOOL_TAIL.find((seq) => seq.length <= t.length && seq.every((w, i) => t[t.length - seq.length + i]!.fold === w));
    if (tail !== undefined) {
      item.boolean = true;
      t = t.slice(0, t.length - tail.length);
      continue;
    }
    if (/^(oui|yes)\/(non|no)$/.test(fold(text(t.slice(-3))))) {
      item.boolean = true;
      t = t.slice(0, -3);
      continue;
    }
    const unitAt = t.length - 2;
    if (unitAt > 0 && ['en', 'in'].includes(t[unitAt]!.fold) && UNITS.has(last.fold)) {
      item.unit = last.text;
      t = t.slice(0, unitAt);
      continue;
    }
    const rangeAt = t.findIndex((tok, i) => i > 0 && ['de', 'from', 'between', 'entre', 'sur', 'out'].includes(tok.fold) && t.slice(i).some((x) => x.tag === 'num'));
    if (rangeAt > 0) {
      const range = readRange(t.slice(rangeAt).filter((x) => x.fold !== 'of'));
      if (range !== undefined) {
        Object.assign(item, range);
        t = t.slice(0, rangeAt);
        continue;
      }
    }
    if (OPTIONAL.has(last.fold) || REQUIRED.has(last.fold)) {
      item.required = REQUIRED.has(last.fold);
      t = t.slice(0, -1);
      continue;
    }
    return t;
  }
}

function stripHead(tokens: Token[], item: ListItem): Token[] {
  let t = tokens;
  // "s'ils sont végétariens", "whether it is", "are active", "if they are": the rest is a yes/no attribute.
  let booleanLead = false;
  while (t.length > 1 && (t[0]!.tag === 'pron' || t[0]!.tag === 'be' || (t[0]!.tag === 'have' && t[1]?.tag === 'part') || ['si', 'if', 'whether', "s'", 'ils', 'elles', 'they', 'it'].includes(t[0]!.fold))) {
    if (t[0]!.tag === 'be' || t[0]!.tag === 'have' || ['si', 'if', 'whether'].includes(t[0]!.fold)) booleanLead = true;
    t = t.slice(1);
  }
  if (booleanLead) item.boolean = true;
  // "en laissant leur nom", "leaving their phone": a gerund that introduces more attributes.
  if (t.length > 2 && t[0]!.fold === 'en' && /ant$/.test(t[1]!.fold)) t = t.slice(2);
  if (t.length > 1 && ['leaving', 'giving', 'providing', 'including', 'incluant', 'avec', 'with'].includes(t[0]!.fold)) t = t.slice(1);
  while (t.length > 1 && (t[0]!.tag === 'det' || t[0]!.tag === 'many' || t[0]!.tag === 'conj' || t[0]!.tag === 'filler' || DROP_ADJECTIVES.has(t[0]!.fold) || t[0]!.tag === 'quote')) t = t.slice(1);
  // "en terrasse ou pas", "en promotion (oui/non)": the preposition is not part of the name.
  if (item.boolean && t.length > 1 && ['en', 'in', 'on', 'a', 'à', 'for', 'to', 'pour'].includes(t[0]!.fold)) t = t.slice(1);
  while (t.length > 1 && t.at(-1)!.tag === 'punct') t = t.slice(0, -1);
  return t;
}

function itemFrom(tokens: Token[]): ListItem | undefined {
  const item: ListItem = { name: [], raw: tokens };
  let name = stripHead(tokens, item);
  name = stripTail(name, item);
  name = stripHead(name, item);
  const words = name.filter((t) => t.tag !== 'punct' && t.tag !== 'quote');
  if (words.length === 0 || words.length > 7) return undefined;
  if (!words.some((t) => /\p{L}/u.test(t.text))) return undefined;
  // An infinitive after its preposition ("à vendre", "to ship") belongs to the name.
  if (words.some((t, i) => (VERBISH.has(t.tag) && !(i > 0 && words[i - 1]!.tag === 'prep') && !(i === 0 && item.boolean)) || (t.tag === 'pron' && t.fold !== "l'"))) return undefined;
  if (words[0]!.tag === 'prep') return undefined;
  item.name = words;
  return item;
}

/**
 * Splits tokens [from, to) into items at commas, "et/and", "ou/or" (not "ou non"), keeping
 * "date and time" together; a colon after an item opens its enum values.
 */
export function parseList(tokens: readonly Token[], from: number, to: number): ParsedList {
  const span = tokens.slice(from, to);
  const items: ListItem[] = [];
  let current: Token[] = [];
  let depth = 0;
  let i = 0;
  const flush = (): boolean => {
    if (current.length === 0) return true;
    const item = itemFrom(current);
    current = [];
    if (item === undefined) return false;
    items.push(item);
    return true;
  };
  while (i < span.length) {
    const t = span[i]!;
    if (t.tag === 'open') depth += 1;
    if (t.tag === 'close') depth = Math.max(0, depth - 1);
    if (depth === 0 && t.text === ':' && current.length > 0) {
      // Enum values after "statut :": short segments until a new determiner-led item or the end.
      let j = i + 1;
      const values: Token[] = [];
      while (j < span.length) {
        const u = span[j]!;
        if (u.text === ';' || u.text === '.') break;
        if ((u.text === ',' || u.tag === 'conj') && (span[j + 1]?.tag === 'det' || (span[j + 1]?.tag === 'conj' && span[j + 2]?.tag === 'det'))) break;
        // "type: monthly/yearly/student, start date": a new attribute ends the values.
        if (u.text === ',' && values.length > 0 && nextSegmentIsAttribute(span, j + 1)) break;
        values.push(u);
        j += 1;
      }
      const parsed = readValues(values);
      if (parsed !== undefined) {
        const item = itemFrom(current);
        current = [];
        if (item !== undefined) {
          item.values = parsed;
          items.push(item);
        }
        i = j;
        continue;
      }
      // "several expense lines: date, category, amount": the colon opens the attributes of what precedes it.
      const item = itemFrom(current);
      current = [];
      if (item !== undefined) {
        item.paren = span.slice(i + 1).filter((t) => t.text !== '.');
        items.push(item);
      }
      return { items, stoppedAt: to };
    }
    const separator = depth === 0 && (t.text === ',' || t.text === ';' || t.text === '+' || t.text === '&' || (t.tag === 'conj' && !isBooleanOr(span, i) && !isDateAndTime(span, i) && !isAlternative(span, i)));
    if (separator) {
      if (!flush()) return { items, stoppedAt: from + i - 1 };
      i += 1;
      continue;
    }
    // A verb at the top level ends the list: "… et un statut et concerne un médecin".
    // "a confirmé sa présence (oui/non)" is a yes/no attribute, not a new clause.
    const perfect = (t.tag === 'have' && span[i + 1]?.tag === 'part') || (t.tag === 'verb' && span[i - 1]?.tag === 'prep');
    if (depth === 0 && ((t.tag === 'verb' && !perfect) || t.tag === 'modal' || (t.tag === 'have' && current.length === 0 && !perfect)) && !current.some((c) => c.tag === 'be')) {
      if (current.length > 0 && !flush()) return { items, stoppedAt: from + i };
      return { items, stoppedAt: from + i };
    }
    current.push(t);
    i += 1;
  }
  if (!flush()) return { items, stoppedAt: to };
  return { items, stoppedAt: to };
}

function nextSegmentIsAttribute(span: readonly Token[], from: number): boolean {
  const segment: Token[] = [];
  for (let k = from; k < span.length && span[k]!.text !== ',' && span[k]!.text !== ';' && span[k]!.tag !== 'open' && span[k]!.tag !== 'conj'; k += 1) segment.push(span[k]!);
  const words = segment.filter((t) => t.tag === 'word' || t.tag === 'num');
  const name = words.map((t) => t.fold).join(' ');
  return words.length >= 1 && words.length <= 4 && looksLikeField(name, false) && guessFieldType(name, false).type !== 'boolean' && !segment.some((t) => t.text === '/');
}

/** "matin ou soir", "mensuel ou ponctuel": two values of one attribute, unless the second is an attribute itself ("amount or weight"). */
function isAlternative(span: readonly Token[], i: number): boolean {
  const t = span[i]!;
  if (t.fold !== 'ou' && t.fold !== 'or') return false;
  const next = span[i + 1];
  if (next === undefined || next.tag === 'det') return false;
  return !nextSegmentIsAttribute(span, i + 1);
}

function isBooleanOr(span: readonly Token[], i: number): boolean {
  const t = span[i]!;
  const next = span[i + 1]?.fold;
  return (t.fold === 'ou' && (next === 'non' || next === 'pas')) || (t.fold === 'or' && next === 'not');
}

function isDateAndTime(span: readonly Token[], i: number): boolean {
  const prev = span[i - 1]?.fold;
  const next = span[i + 1]?.fold;
  return prev === 'date' && (next === 'time' || next === 'heure');
}

export function itemText(item: ListItem): string {
  return text(item.name);
}
