import type { SpecWarning } from '../../api/spec.ts';
import { stripMarkup } from '../sanitise.ts';
import { assemble, type Assembly } from './assemble.ts';
import { declareInClauses } from './declare-clauses.ts';
import { declareLists } from './declare-lists.ts';
import { fillDefaults } from './defaults.ts';
import { detectDomain } from './domain-detect.ts';
import { Draft } from './draft.ts';
import { findFeatures } from './features.ts';
import { guessPersonalData, isPersonEntity } from './personal-data.ts';
import { findName } from './project-name.ts';
import { findRelations } from './relations.ts';
import { findRoles } from './roles.ts';
import { segmentBlocks } from './segment.ts';
import { buildSentences } from './sentence.ts';
import { findUiLanguages } from './ui-languages.ts';
import { detectWritingLanguage } from './writing-language.ts';

/**
 * Free text → ProjectModel, by rules only: deterministic, offline, explainable. Every rule runs
 * in time linear in the text (per sentence, with bounded lists), and the text analysed is capped,
 * so a pasted book or a 5 MB log gives a model and a warning in bounded time and memory.
 */

/** Real specifications are a few pages (the samples are 1–2 KiB); 128 KiB is ~60 pages. Beyond it the rest is reported as not analysed. */
export const MAX_ANALYSED_CHARS = 128 * 1024;

export interface TextExtraction extends Assembly {
  writtenIn: 'fr' | 'en' | 'mixed';
}

function cap(input: string, warnings: SpecWarning[]): string {
  if (input.length <= MAX_ANALYSED_CHARS) return input;
  const cut = input.lastIndexOf('\n', MAX_ANALYSED_CHARS);
  const end = cut > MAX_ANALYSED_CHARS / 2 ? cut : MAX_ANALYSED_CHARS;
  const line = input.slice(0, end).split('\n').length;
  warnings.push({
    code: 'truncated',
    message: `Only the first ${Math.round(end / 1024)} KiB (up to line ${line}) were analysed; the spec is ${Math.round(input.length / 1024)} KiB. Split it or keep the essentials.`,
    line,
    details: { analysedChars: end, totalChars: input.length },
  });
  return input.slice(0, end);
}

export function extractFromText(input: string): TextExtraction {
  const warnings: SpecWarning[] = [];
  // Cap first: normalising or stripping a 5 MB paste would cost more than reading the part we keep.
  const stripped = stripMarkup(cap(input, warnings).normalize('NFC').replace(/\r\n?/g, '\n').replace(/^\uFEFF/, ''));
  for (const line of stripped.lines.slice(0, 20)) {
    warnings.push({ code: 'name-sanitised', message: 'HTML markup was removed from this line before reading it.', line });
  }
  const lines = stripped.text.split('\n');
  const writing = detectWritingLanguage(stripped.text);
  const sentences = buildSentences(segmentBlocks(lines), writing.main, writing.mixed);

  const draft = new Draft(writing.mixed);
  const structure = declareLists(sentences, draft);
  declareInClauses(sentences, draft, structure);
  findRelations(sentences, draft, structure);
  findUiLanguages(sentences, draft);
  findFeatures(sentences, draft);
  findRoles(sentences, draft);
  const domain = detectDomain(sentences);
  infer(draft);
  fillDefaults(draft, domain.id, writing.main);
  tagPersonalData(draft, domain.id);

  const name = findName(sentences, lines, domain.id, writing.main);
  const assembly = assemble({ draft, sentences, lines, name, domain });
  return { ...assembly, warnings: [...warnings, ...assembly.warnings], writtenIn: writing.mixed ? 'mixed' : writing.main };
}

/** Tags implied by what was found: files need upload, two languages need i18n, roles need sign-in. */
function infer(draft: Draft): void {
  const firstFile = draft.entities.flatMap((e) => e.fields).find((f) => f.type === 'file' || f.type === 'image');
  if (firstFile !== undefined && !draft.negatedFeatures.has('upload')) {
    draft.addFeature('upload', { ...firstFile.origin, confidence: 0.7, reason: `"${firstFile.label}" is a ${firstFile.type}: files are uploaded` });
  }
  if (draft.languages.size >= 2) {
    const second = [...draft.languages.values()][1]!;
    draft.addFeature('i18n', { ...second, confidence: 0.9, reason: `${draft.languages.size} languages: the interface is translated` });
  }
  const firstRole = [...draft.roles.values()][0];
  if (firstRole !== undefined && !draft.negatedFeatures.has('auth')) {
    draft.addFeature('auth', { ...firstRole.origin, confidence: 0.7, reason: 'roles mean people sign in' });
  }
}

function tagPersonalData(draft: Draft, domain: string): void {
  const roles = new Set(draft.roles.keys());
  for (const entity of draft.entities) {
    const person = isPersonEntity(entity, roles);
    for (const field of entity.fields) {
      const guess = guessPersonalData(field.key, entity, domain, person);
      if (guess === undefined) continue;
      field.personalData = guess.kind;
      field.personalReason = guess.reason;
    }
  }
}
