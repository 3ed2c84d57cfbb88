import { DOMAIN_CATALOGUE, GENERIC_DOMAIN } from '../catalogue/index.ts';
import type { Origin } from './draft.ts';
import { singularFold } from './normalise.ts';
import { origin } from './rule-helpers.ts';
import type { Sentence } from './sentence.ts';

export interface DomainResult {
  id: string;
  origin: Origin;
  /** Runner-up, for the explanation ("health 14 vs events 3"). */
  scores: { id: string; score: number }[];
}

/** Mentions beyond this many add nothing: one word repeated all over a spec must not decide alone. */
const MAX_HITS_PER_KEYWORD = 3;
const MAX_KEYWORD_WORDS = 4;

/** phrase → the domains it points at, built once from the catalogue. */
let index: Map<string, { id: string; weight: number }[]> | undefined;

function keywordIndex(): Map<string, { id: string; weight: number }[]> {
  if (index !== undefined) return index;
  index = new Map();
  for (const domain of DOMAIN_CATALOGUE) {
    for (const [phrase, weight] of domain.keywords) index.set(phrase, [...(index.get(phrase) ?? []), { id: domain.id, weight }]);
  }
  return index;
}

function words(sentence: Sentence): string[] {
  return sentence.tokens
    .filter((t) => t.tag !== 'punct' && t.tag !== 'open' && t.tag !== 'close' && t.tag !== 'quote')
    .map((t) => singularFold(t.fold.replace(/'$/, ''), sentence.lang));
}

/**
 * Scores every métier of the catalogue by its keywords (title and first lines count double) and
 * picks the best; `generic` when nothing stands out. Deterministic: ties go to catalogue order.
 */
export function detectDomain(sentences: readonly Sentence[]): DomainResult {
  const scores = new Map<string, number>();
  const hits = new Map<string, number>();
  const best = new Map<string, { weight: number; sentence: Sentence }>();
  const strongest = new Map<string, number>();
  const firstLine = sentences[0]?.line ?? 1;
  for (const sentence of sentences) {
    const list = words(sentence);
    const boost = sentence.block.kind === 'heading' || sentence.line - firstLine < 3 ? 2 : 1;
    for (let i = 0; i < list.length; i += 1) {
      for (let n = 1; n <= MAX_KEYWORD_WORDS && i + n <= list.length; n += 1) {
        const phrase = list.slice(i, i + n).join(' ');
        for (const { id, weight } of keywordIndex().get(phrase) ?? []) {
          const domain = { id };
          const hitKey = `${domain.id}:${phrase}`;
          const count = hits.get(hitKey) ?? 0;
          if (count >= MAX_HITS_PER_KEYWORD) continue;
          hits.set(hitKey, count + 1);
          scores.set(domain.id, (scores.get(domain.id) ?? 0) + weight * boost);
          strongest.set(domain.id, Math.max(strongest.get(domain.id) ?? 0, weight));
          const previous = best.get(domain.id);
          if (previous === undefined || weight * boost > previous.weight) best.set(domain.id, { weight: weight * boost, sentence });
        }
      }
    }
  }
  const ranked = DOMAIN_CATALOGUE.map((d) => ({ id: d.id, score: scores.get(d.id) ?? 0 }))
    .filter((d) => d.score > 0)
    .sort((a, b) => b.score - a.score);
  const top = ranked[0];
  // A métier needs more than a couple of common words ("commande", "loan"): some weight and one telling keyword.
  if (top === undefined || top.score < 4 || (strongest.get(top.id) ?? 0) < 3) {
    const first = sentences[0];
    return {
      id: GENERIC_DOMAIN,
      origin: { line: first?.line ?? 1, sentence: -1, confidence: 0.3, reason: 'no métier of the catalogue is mentioned', suggested: true },
      scores: ranked.slice(0, 3),
    };
  }
  const second = ranked[1]?.score ?? 0;
  const confidence = Math.min(0.95, 0.5 + ((top.score - second) / top.score) * 0.45);
  const where = best.get(top.id)!.sentence;
  const others = ranked.slice(1, 3).map((d) => `${d.id} ${d.score}`).join(', ');
  return {
    id: top.id,
    origin: origin(where, undefined, Number(confidence.toFixed(2)), `words of the ${top.id} métier score ${top.score}${others ? ` (then ${others})` : ''}`),
    scores: ranked.slice(0, 3),
  };
}
