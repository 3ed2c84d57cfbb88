import { phraseKey, type Draft, type DraftEntity, type DraftField } from './draft.ts';
import { parseList, type ListItem } from './field-list.ts';
import { looksLikeField } from './field-types.ts';
import { fold } from './normalise.ts';
import { fieldFromItem, origin } from './rule-helpers.ts';
import type { Sentence } from './sentence.ts';
import type { Token } from './tokenise.ts';

/** Adding what a list says to an entity: each item becomes a field, or a relation when it names another entity. */

function itemKey(item: ListItem, sentence: Sentence): string {
  return phraseKey(item.name.map((t) => t.text), sentence.lang);
}

/** One attribute-list item: a relation when it names an entity, else a field. */
export function addItem(draft: Draft, sentence: Sentence, entity: DraftEntity, item: ListItem, reason: string, confidence: number): DraftField | undefined {
  const key = itemKey(item, sentence);
  const found = draft.findEntity(key, sentence.lang);
  const other = (found !== entity && found !== undefined && !looksLikeField(key, sentence.lang === 'fr') ? found : undefined) ?? headMatch(draft, key, entity, sentence);
  if (other !== undefined) {
    draft.addRelation(entity, other, 'belongsTo', origin(sentence, item.name[0], confidence - 0.1, `"${item.name.map((t) => t.text).join(' ')}" names ${other.label}`));
    return undefined;
  }
  if (item.referenceWords !== undefined) {
    const target = draft.findEntity(phraseKey(item.referenceWords.map((t) => t.text), sentence.lang), sentence.lang);
    if (target !== undefined) {
      draft.addRelation(entity, target, 'belongsTo', origin(sentence, item.name[0], 0.75, `"${item.name.map((t) => t.text).join(' ')}" is a ${target.label}`), key.replace(/ (\w)/g, (_, c: string) => c.toUpperCase()));
      return undefined;
    }
  }
  return fieldFromItem(draft, entity, item, sentence, confidence, reason);
}

/** "items" in an order's list names the "menu item" entity (English head noun), never the entity itself. */
function headMatch(draft: Draft, key: string, self: DraftEntity, sentence: Sentence): DraftEntity | undefined {
  if (key.includes(' ')) return undefined;
  const matches = draft.entities.filter((e) => e !== self && e.key.includes(' ') && (sentence.lang === 'en' ? e.key.endsWith(` ${key}`) : e.key.startsWith(`${key} `)));
  return matches.length === 1 && !fold(self.key).split(' ').includes(key) ? matches[0] : undefined;
}

export function addParenFields(draft: Draft, sentence: Sentence, entity: DraftEntity, inner: readonly Token[]): number {
  const list = parseList(inner, 0, inner.length);
  let added = 0;
  for (const item of list.items) {
    addItem(draft, sentence, entity, item, `listed in parentheses after ${entity.label}`, 0.85);
    added += 1;
  }
  if (added > 0) entity.hasOwnFields = true;
  return added;
}

