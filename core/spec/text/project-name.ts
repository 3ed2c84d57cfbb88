import { domainById } from '../catalogue/index.ts';
import type { Origin } from './draft.ts';
import type { WritingLanguage } from './normalise.ts';
import type { Sentence } from './sentence.ts';

/**
 * The project's name and description: a quoted name near the top ("« Le Petit Zinc »", "Paper
 * Lantern"), else the title without its "Cahier des charges –" or "– requirements", else what the
 * app manages ("Gestion de tâches"), else the métier.
 */

const TITLE_NOISE = /^(cahier des charges|cdc|projet|project|spec(?:ification)?s?|requirements?|brief|besoin|objet|sujet|subject|titre|title|app|application|mvp)\s*[:–—-]\s*/i;
const TITLE_TAIL = /\s*[:–—-]\s*(cahier des charges|requirements?|specifications?|spec|brief|mvp|v\d+|draft|brouillon)\s*$/i;
const GREETING = /^(bonjour|bonsoir|hello|hi|salut|dear|madame|monsieur|cher|chère)\b/i;

/** "gérer mes clients et mes factures", "gestion de tâches", "to manage my customers and invoices". */
const MANAGED = /\b(?:gérer|gerer|gestion d[eu]s?|gestion d'|suivre|suivi d[eu]s?|manage|managing|track)\s+([\p{L}'-]+(?:\s+[\p{L}'-]+){0,5}?)(?=[,.;:!?(]|\s+(?:avec|with|pour|for|afin|par|by|en|in|sur|on|qui|that|and\s+(?:send|get|receive))\b|$)/iu;
const DETERMINERS = /\b(?:les|des|nos|mes|vos|leurs|ses|the|my|our|their|your|all|tous|toutes)\b/giu;

export interface NameResult {
  name: string;
  nameOrigin: Origin;
  description: string | undefined;
}

function clean(text: string): string {
  return text.replace(/[*_`#>]/g, '').replace(/\s+/g, ' ').trim();
}

export function findName(sentences: readonly Sentence[], lines: readonly string[], domain: string, lang: WritingLanguage): NameResult {
  const top = lines.slice(0, 6);
  for (let i = 0; i < top.length; i += 1) {
    const quoted = /[«“"]\s*([^«»“”"]{2,60}?)\s*[»”"]/u.exec(top[i]!);
    if (quoted !== null && /\p{Lu}/u.test(quoted[1]!.charAt(0))) {
      return { name: clean(quoted[1]!), nameOrigin: { line: i + 1, sentence: -1, confidence: 0.85, reason: 'quoted name near the top' }, description: describe(sentences) };
    }
  }
  // "Cabinet d'avocats Benali & Associés : on veut…" — a proper name before the first colon.
  const lead = /^([^:.!?]{3,80}?)\s*:\s/.exec(lines.find((l) => l.trim() !== '')?.trim() ?? '');
  if (lead !== null && (/&/.test(lead[1]!) || (lead[1]!.match(/(?:^|\s)\p{Lu}/gu)?.length ?? 0) >= 2) && !/^(projet|project|cahier|objet|subject|titre|title)\b/i.test(lead[1]!)) {
    return { name: clean(lead[1]!), nameOrigin: { line: 1, sentence: -1, confidence: 0.7, reason: 'proper name before the first colon' }, description: describe(sentences) };
  }
  const heading = sentences.find((s) => s.block.kind === 'heading');
  const first = sentences[0];
  // A first line without a full stop is a title only if the spec goes on and the line states nothing (no verb).
  const titleLike = first !== undefined && sentences.length > 1 && first.block.index === 0 && !/[.!?]$/.test(first.text) && first.text.length <= 80 && !GREETING.test(first.text) && !first.chunks.some((c) => c.kind === 'verb' && !c.passive);
  const titleSentence = heading !== undefined && heading.line <= 3 ? heading : titleLike ? first : undefined;
  if (titleSentence !== undefined) {
    const title = clean(titleSentence.block.text).replace(TITLE_NOISE, '').replace(TITLE_TAIL, '').replace(/\s*\([^)]*\)\s*$/, '').replace(/[:.]$/, '').trim();
    if (title.length >= 2 && title.length <= 120) {
      return { name: title, nameOrigin: { line: titleSentence.line, sentence: -1, confidence: 0.75, reason: 'title of the spec' }, description: describe(sentences, titleSentence) };
    }
  }
  const all = sentences.map((s) => s.text).join(' ');
  const managed = MANAGED.exec(all);
  const label = domainById(domain)?.label[lang];
  const what = managed === null ? '' : managed[1]!.replace(DETERMINERS, ' ').replace(/\s+/g, ' ').trim();
  const name = what !== '' ? (lang === 'fr' ? `Gestion des ${what}` : `${what.charAt(0).toUpperCase()}${what.slice(1)} manager`) : label !== undefined ? (lang === 'fr' ? `Application ${label.toLowerCase()}` : `${label} app`) : lang === 'fr' ? 'Nouveau projet' : 'New project';
  return { name, nameOrigin: { line: first?.line ?? 1, sentence: -1, confidence: 0.4, reason: 'no title: named after what the app manages', suggested: true }, description: describe(sentences) };
}

function describe(sentences: readonly Sentence[], skip?: Sentence): string | undefined {
  const candidate = sentences.find((s) => s !== skip && s.block.kind !== 'heading' && s.text.length >= 20 && !GREETING.test(s.text) && s.line <= 12);
  if (candidate === undefined) return undefined;
  const text = clean(candidate.text).replace(/[<>]/g, '');
  return text.length > 300 ? `${text.slice(0, 297)}…` : text;
}
