import type { Draft } from './draft.ts';
import { origin } from './rule-helpers.ts';
import type { Sentence } from './sentence.ts';
import type { Token } from './tokenise.ts';

/**
 * The languages the generated app must offer, as people name them: "en français et en arabe",
 * "English + Spanish", "Interface FR/EN", "Langues : français, anglais et espagnol". A language
 * name counts only where the sentence talks about the app's languages, so "langue enseignée" or
 * "cuisine italienne" say nothing about the interface.
 */

const NAMES: Record<string, string> = {
  francais: 'fr', french: 'fr', anglais: 'en', english: 'en', arabe: 'ar', arabic: 'ar', espagnol: 'es', spanish: 'es', espanol: 'es',
  allemand: 'de', german: 'de', deutsch: 'de', italien: 'it', italian: 'it', italiano: 'it', portugais: 'pt', portuguese: 'pt',
  portugues: 'pt', neerlandais: 'nl', dutch: 'nl', nederlands: 'nl', flamand: 'nl', chinois: 'zh', chinese: 'zh', mandarin: 'zh',
  japonais: 'ja', japanese: 'ja', russe: 'ru', russian: 'ru', turc: 'tr', turkish: 'tr', polonais: 'pl', polish: 'pl', roumain: 'ro',
  romanian: 'ro', grec: 'el', greek: 'el', hebreu: 'he', hebrew: 'he', hindi: 'hi', coreen: 'ko', korean: 'ko', vietnamien: 'vi',
  vietnamese: 'vi', swahili: 'sw', wolof: 'wo', persan: 'fa', farsi: 'fa', persian: 'fa', ukrainien: 'uk', ukrainian: 'uk',
  suedois: 'sv', swedish: 'sv', danois: 'da', danish: 'da', norvegien: 'no', norwegian: 'no', finnois: 'fi', finnish: 'fi',
  catalan: 'ca', basque: 'eu', breton: 'br', occitan: 'oc', corse: 'co', tcheque: 'cs', czech: 'cs', hongrois: 'hu', hungarian: 'hu',
  bengali: 'bn', ourdou: 'ur', urdu: 'ur', indonesien: 'id', indonesian: 'id', malais: 'ms', malay: 'ms', thai: 'th', amharique: 'am',
  amharic: 'am', bulgare: 'bg', bulgarian: 'bg', serbe: 'sr', serbian: 'sr', croate: 'hr', croatian: 'hr', albanais: 'sq',
  albanian: 'sq', armenien: 'hy', armenian: 'hy', lingala: 'ln', haoussa: 'ha', hausa: 'ha', yoruba: 'yo', malgache: 'mg',
  malagasy: 'mg', tagalog: 'tl', slovaque: 'sk', slovak: 'sk', slovene: 'sl', slovenian: 'sl', lituanien: 'lt', lithuanian: 'lt',
  letton: 'lv', latvian: 'lv', estonien: 'et', estonian: 'et', islandais: 'is', icelandic: 'is', irlandais: 'ga', irish: 'ga',
  gallois: 'cy', welsh: 'cy', 'العربية': 'ar', 'عربي': 'ar',
};
/** Languages without an ISO 639-1 code: reported, not guessed. */
const NO_ISO_639_1 = new Set(['tamazight', 'berbere', 'berber', 'kabyle', 'amazigh', 'chleuh', 'tachelhit', 'rifain', 'darija', 'creole']);
/** English names that are ordinary words when not capitalised. */
const CAPITALISED_ONLY = new Set(['polish', 'turkish', 'malay', 'thai', 'basque', 'breton', 'catalan', 'corse']);
const CODES = new Set(['FR', 'EN', 'AR', 'ES', 'DE', 'IT', 'PT', 'NL', 'ZH', 'JA', 'RU', 'TR', 'PL', 'RO', 'EL', 'HE', 'HI', 'KO', 'VI', 'SW', 'FA', 'UK', 'SV', 'DA', 'NO', 'FI', 'CA', 'EU']);
const RTL = new Set(['ar', 'he', 'fa', 'ur']);

const CONTEXT = /\b(site|website|web|app|apps|appli|application|applications|interface|ui|langues?|languages?|disponibles?|available|accessibles?|accessible|bilingue|bilingual|multilingue|multilingual|traduite?s?|translated|traductions?|translations?|i18n|rtl|right-to-left|droite a gauche|only|seulement|uniquement|version|versions|plateforme|platform|menu|contenus?|content|pages?)\b/;
const NOT_UI = /\b(langues? (parlees?|enseignees?|maternelles?)|languages? (spoken|taught)|spoken languages?|parle|parlent|speaks?|enseign|teach|cours d|lessons?|cuisine|food|restaurant italien|clients? (anglais|espagnols?))\b/;
const NEGATION = new Set(['pas', 'non', 'not', 'no', 'without', 'sans', 'except', 'sauf']);

interface Mention {
  code: string;
  token: Token;
}

function mentionsIn(sentence: Sentence): { found: Mention[]; unsupported: Token[] } {
  const found: Mention[] = [];
  const unsupported: Token[] = [];
  let depth = 0;
  sentence.tokens.forEach((t, i) => {
    if (t.tag === 'open') depth += 1;
    if (t.tag === 'close') depth = Math.max(0, depth - 1);
    const prev = sentence.tokens[i - 1];
    const inUiParen = depth > 0 && CONTEXT.test(sentence.tokens.slice(Math.max(0, i - 4), i).map((x) => x.fold).join(' '));
    if (depth > 0 && !inUiParen) return;
    if (prev !== undefined && NEGATION.has(prev.fold)) return;
    const code = NAMES[t.fold];
    if (code !== undefined && !(CAPITALISED_ONLY.has(t.fold) && !/^\p{Lu}/u.test(t.text))) found.push({ code, token: t });
    else if (CODES.has(t.text) && (sentence.tokens[i + 1]?.text === '/' || prev?.text === '/' || found.length > 0 || CONTEXT.test(sentence.text.toLowerCase()))) found.push({ code: t.text.toLowerCase(), token: t });
    else if (NO_ISO_639_1.has(t.fold)) unsupported.push(t);
  });
  return { found, unsupported };
}

function isLanguageSentence(sentence: Sentence, mentions: readonly Mention[]): boolean {
  const folded = sentence.tokens.map((t) => t.fold).join(' ');
  if (NOT_UI.test(folded)) return false;
  if (CONTEXT.test(folded)) return true;
  // "en français et en arabe", "in English".
  if (mentions.some((m) => ['en', 'in'].includes(sentence.tokens[sentence.tokens.indexOf(m.token) - 1]?.fold ?? ''))) return true;
  // A short line made of language names: "English and Arabic (right-to-left).", "english + spanish".
  const words = sentence.tokens.filter((t) => t.tag !== 'punct' && t.tag !== 'open' && t.tag !== 'close' && t.tag !== 'conj');
  return words.length <= 6 && mentions.length * 2 >= words.length;
}

export function findUiLanguages(sentences: readonly Sentence[], draft: Draft): void {
  for (const sentence of sentences) {
    const { found, unsupported } = mentionsIn(sentence);
    if (found.length === 0 && unsupported.length === 0) continue;
    if (!isLanguageSentence(sentence, found.length > 0 ? found : unsupported.map((token) => ({ code: '', token })))) continue;
    for (const mention of found) {
      if (draft.languages.has(mention.code)) continue;
      const rtl = RTL.has(mention.code) ? ' (right-to-left)' : '';
      draft.languages.set(mention.code, origin(sentence, mention.token, 0.9, `"${mention.token.text}" names a language of the app${rtl}`));
      draft.note(origin(sentence, mention.token, 0.9, ''), `language:${mention.code}`);
    }
    for (const token of unsupported) {
      draft.warnings.push({ code: 'unsupported-language', message: `"${token.text}" has no ISO 639-1 code; add it by hand once the templates support it.`, line: origin(sentence, token, 0, '').line });
    }
  }
}
