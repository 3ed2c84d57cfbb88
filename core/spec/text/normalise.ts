/**
 * Word-level normalisation shared by every rule: folding (case and accents), singular forms and
 * identifiers. Rules compare folded singular words, never raw text, so "Adhérents", "adherent"
 * and "ADHÉRENT" are one word.
 */

export type WritingLanguage = 'fr' | 'en';

const folded = new Map<string, string>();

/** Lower case, accents removed (NFD), typographic apostrophes made plain. Memoised: rules fold the same words all the time. */
export function fold(text: string): string {
  const known = folded.get(text);
  if (known !== undefined) return known;
  const value = text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[’‘`´]/g, "'").toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss');
  // Bounded: a huge input of distinct words must not grow memory without limit.
  if (folded.size >= 50_000) folded.clear();
  if (text.length <= 64) folded.set(text, value);
  return value;
}

// Singular words that end in s or x; found in specs of both languages.
const INVARIANT = new Set([
  'cours', 'avis', 'prix', 'pays', 'temps', 'fois', 'mois', 'corps', 'repas', 'colis', 'dos', 'bras', 'tapis', 'discours',
  'parcours', 'concours', 'recours', 'secours', 'succes', 'acces', 'proces', 'progres', 'abus', 'bus', 'virus', 'campus',
  'gaz', 'choix', 'voix', 'croix', 'paix', 'poids', 'devis', 'relais', 'puits', 'jus', 'plus', 'status', 'bonus', 'focus',
  'news', 'series', 'species', 'sms', 'gps', 'ios', 'canvas', 'atlas', 'alias', 'cas', 'pas', 'lilas', 'matelas', 'souris',
  'analysis', 'basis', 'thesis', 'crisis', 'diagnosis', 'axis', 'tennis', 'chassis', 'census', 'process', 'lens', 'kudos',
  'physics', 'analytics', 'logistics', 'ethics', 'this', 'its', 'us', 'yes', 'has', 'is', 'was', 'gas', 'vis', 'fax', 'box',
  'tax', 'index', 'annex', 'sexe', 'sex', 'mix', 'linux', 'remix', 'inbox', 'checkbox', 'reflux', 'flux', 'lux', 'prefix', 'suffix',
  'rendez-vous', 'tous', 'sous', 'nous', 'vous', 'dans', 'sans', 'apres', 'chez', 'mais', 'jamais', 'pres', 'tres', 'depuis',
  'heures-sup', 'ours', 'anglais', 'francais', 'portugais', 'japonais', 'chinois', 'polonais', 'irlandais', 'ecossais', 'gallois',
  'hollandais', 'danois', 'finnois', 'suedois', 'norvegien', 'bus', 'minibus', 'jeans', 'dependencies', 'always', 'perhaps',
]);

const IRREGULAR: Record<string, string> = {
  people: 'person', persons: 'person', children: 'child', men: 'man', women: 'woman', staff: 'staff', teeth: 'tooth',
  feet: 'foot', mice: 'mouse', geese: 'goose', criteria: 'criterion', data: 'data', media: 'media', leaves: 'leave',
  travaux: 'travail', baux: 'bail', yeux: 'oeil', messieurs: 'monsieur', mesdames: 'madame', ciels: 'ciel',
  boxes: 'box', taxes: 'tax', indexes: 'index', indices: 'index', analyses: 'analyse', bijoux: 'bijou', choux: 'chou',
  genoux: 'genou', hiboux: 'hibou', cailloux: 'caillou', poux: 'pou', joujoux: 'joujou',
};

const FRENCH_AL_EXCEPTIONS = new Set(['festivals', 'bals', 'carnavals', 'chacals', 'recitals', 'regals', 'cals', 'totals']);

/**
 * The singular of one folded word. French and English plurals differ (-ies is "categories" in
 * both), so the writing language of the sentence decides the ambiguous endings.
 */
export function singularFold(word: string, lang: WritingLanguage): string {
  const w = fold(word);
  if (w.length <= 2 || INVARIANT.has(w)) return w;
  const irregular = IRREGULAR[w];
  if (irregular !== undefined) return irregular;
  if (w.includes('-')) {
    // rendez-vous, e-mails, check-ins: only the last part carries the plural.
    const parts = w.split('-');
    const last = parts.pop() ?? '';
    return [...parts, last.length > 2 ? singularFold(last, lang) : last].join('-');
  }
  if (lang === 'fr') {
    if (w.endsWith('eaux')) return w.slice(0, -1);
    if (w.endsWith('aux') && w.length > 4) return `${w.slice(0, -3)}al`;
    if (w.endsWith('eux') || w.endsWith('oux') || w.endsWith('aux')) return w.slice(0, -1);
    if (w.endsWith('x')) return w;
    if (FRENCH_AL_EXCEPTIONS.has(w)) return w.slice(0, -1);
    if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) return w.slice(0, -1);
    return w;
  }
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('zzes')) return w.slice(0, -3);
  if (/(?:ss|sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('uses') && INVARIANT.has(w.slice(0, -2))) return w.slice(0, -2);
  if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) return w;
  if (w.endsWith('s') && !w.endsWith("'s")) return w.slice(0, -1);
  return w;
}

/** Same as singularFold, keeping the original letters (and accents) for labels. */
export function singularWord(word: string, lang: WritingLanguage): string {
  const folded = fold(word);
  const single = singularFold(word, lang);
  if (single === folded) return word;
  // Most plurals only drop or change the last letters: keep the original prefix when it folds the same.
  const common = commonPrefixLength(folded, single);
  if (common >= single.length - 2 && common <= word.length) {
    return word.slice(0, common) + single.slice(common);
  }
  return single;
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
}

export function isPlural(word: string, lang: WritingLanguage): boolean {
  return singularFold(word, lang) !== fold(word);
}

/** ASCII words of a phrase: accents dropped, apostrophes and punctuation split. */
export function asciiWords(phrase: string): string[] {
  return fold(phrase)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 0);
}

/** `Time entry` → `TimeEntry`; identifiers never start with a digit. */
export function pascalIdentifier(phrase: string): string {
  const words = asciiWords(phrase);
  const id = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return fixIdentifier(id).slice(0, 64);
}

/** `date de naissance` → `dateDeNaissance`. */
export function camelIdentifier(phrase: string): string {
  const words = asciiWords(phrase);
  const id = words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  return fixIdentifier(id).slice(0, 64);
}

function fixIdentifier(id: string): string {
  if (id === '') return 'item';
  return /^[0-9]/.test(id) ? `n${id}` : id;
}

/** `Team lead` → `team-lead`, for roles and domains. */
export function slugName(phrase: string): string {
  return asciiWords(phrase).join('-').slice(0, 60).replace(/-+$/, '') || 'role';
}

/** Damerau–Levenshtein distance, giving up (returning max + 1) past `max` so it stays cheap. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i += 1) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[i - 2]![j - 2]! + 1);
      d[i]![j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length]![b.length]!;
}

export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fr') + text.slice(1);
}
