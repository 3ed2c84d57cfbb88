/**
 * Names in every case a generated project needs, from a model identifier (`FitnessClass`,
 * `first_name`, `numéro` after sanitising). Deterministic: the same name always gives the same
 * spellings, so output stays byte-identical.
 */
export interface Names {
  /** `fitness class` */
  words: string;
  /** `FitnessClass` */
  pascal: string;
  /** `fitnessClass` */
  camel: string;
  /** `fitness_class` */
  snake: string;
  /** `fitness-class` */
  kebab: string;
  /** `Fitness class` */
  title: string;
}

export function splitWords(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function namesOf(name: string): Names {
  const words = splitWords(name);
  const list = words.length > 0 ? words : ['item'];
  const pascal = list.map(capital).join('');
  return {
    words: list.join(' '),
    pascal,
    camel: pascal.charAt(0).toLowerCase() + pascal.slice(1),
    snake: list.join('_'),
    kebab: list.join('-'),
    title: capital(list.join(' ')),
  };
}

const IRREGULAR: Record<string, string> = { person: 'people', child: 'children', man: 'men', woman: 'women', mouse: 'mice', datum: 'data', criterion: 'criteria' };
const UNCOUNTABLE = new Set(['data', 'information', 'equipment', 'news', 'series', 'species', 'staff', 'software', 'feedback', 'metadata']);

/** English plural of the last word; good enough for URLs and table names, and always distinct from the singular. */
export function pluralWord(word: string): string {
  if (UNCOUNTABLE.has(word)) return `${word}_list`;
  if (IRREGULAR[word] !== undefined) return IRREGULAR[word];
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

export function pluralNamesOf(name: string): Names {
  const words = splitWords(name);
  const list = words.length > 0 ? words : ['item'];
  const last = list.length - 1;
  const plural = [...list.slice(0, last), ...pluralWord(list[last] as string).split('_')];
  return namesOf(plural.join(' '));
}
