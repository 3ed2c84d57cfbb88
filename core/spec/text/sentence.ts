import { chunk, type Chunk } from './chunk.ts';
import { fold, type WritingLanguage } from './normalise.ts';
import { lineAt, splitSentences, type Block } from './segment.ts';
import { tagTokens, tokenise, type Token } from './tokenise.ts';

/** A sentence ready for the rules: tagged tokens, chunks, its language and where it came from. */
export interface Sentence {
  index: number;
  block: Block;
  text: string;
  tokens: Token[];
  chunks: Chunk[];
  lang: WritingLanguage;
  /** First source line of the sentence. */
  line: number;
  /** Offset just past the sentence in the block text (where its full stop is, if any). */
  end: number;
  firstInBlock: boolean;
}

const FR_MARKERS = new Set(`le la les des du un une et est sont pour avec dans sur par nous vous je on qui que au aux chaque etre avoir ont
  doit peut veut ne pas leur leurs ce cette ces notre nos votre vos il elle ils elles mes mon ma sa son ses tout tous
  aussi ou en faut souhaite voudrais`.split(/\s+/));
const EN_MARKERS = new Set(`the a an and is are for with in on by we you i our their each can must should has have will to of be this
  that it my your its from or every should would want need all also only`.split(/\s+/));

export function markerCounts(text: string): { fr: number; en: number } {
  let fr = 0;
  let en = 0;
  for (const word of fold(text).split(/[^a-z']+/)) {
    if (FR_MARKERS.has(word)) fr += 1;
    if (EN_MARKERS.has(word)) en += 1;
  }
  return { fr, en };
}

/** The language of one sentence, the document's when the sentence says too little. */
export function sentenceLanguage(text: string, fallback: WritingLanguage): WritingLanguage {
  const { fr, en } = markerCounts(text);
  if (/[àâçéèêëîïôûùœ]/i.test(text) && fr >= en) return 'fr';
  if (fr > en) return 'fr';
  if (en > fr) return 'en';
  return fallback;
}

/** Headings and short items keep their line; the language of a heading follows the document. */
export function buildSentences(blocks: readonly Block[], docLang: WritingLanguage, mixed: boolean): Sentence[] {
  const sentences: Sentence[] = [];
  for (const block of blocks) {
    const segments = splitSentences(block);
    segments.forEach((segment, k) => {
      const lang = sentenceLanguage(segment.text, docLang);
      const tokens = tagTokens(tokenise(segment.text, segment.offset), mixed ? lang : lang);
      sentences.push({
        index: sentences.length,
        block,
        text: segment.text,
        tokens,
        chunks: chunk(tokens),
        lang,
        line: lineAt(block, segment.offset),
        end: segment.offset + segment.text.length,
        firstInBlock: k === 0,
      });
    });
  }
  return sentences;
}

/** A sentence made of a parenthesised clause ("(each project has a title…)"), analysed on its own. */
export function subSentence(parent: Sentence, tokens: Token[]): Sentence {
  const copy = tokens.map((t) => ({ ...t }));
  tagTokens(copy, parent.lang);
  return { ...parent, tokens: copy, chunks: chunk(copy), text: copy.map((t) => t.text).join(' '), firstInBlock: false };
}

export function tokenLine(sentence: Sentence, token: Token | undefined): number {
  return token === undefined ? sentence.line : lineAt(sentence.block, token.start);
}
