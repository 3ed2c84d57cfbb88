import { z } from 'zod';
import { projectModel } from './project-model.ts';

/**
 * Contract of spec understanding: `spec.parse` turns a written spec into a ProjectModel and says,
 * for every item, which line produced it and how sure the extractor is; `spec.validate` checks a
 * structured (YAML/JSON) spec and reports each problem with its path, line and column.
 */

/** What a transport may carry. Larger free text is refused; structured specs have a lower cap (1 MiB) in the parser. */
export const SPEC_TEXT_MAX_CHARS = 8 * 1024 * 1024;

export const SPEC_FORMATS = ['auto', 'text', 'yaml', 'json'] as const;
export const specFormat = z.enum(SPEC_FORMATS);
export type SpecFormat = z.infer<typeof specFormat>;
export type ResolvedSpecFormat = Exclude<SpecFormat, 'auto'>;

export const specInput = z
  .object({
    text: z.string().max(SPEC_TEXT_MAX_CHARS, `A specification has at most ${SPEC_TEXT_MAX_CHARS} characters.`),
    /** Absent means `auto`. */
    format: specFormat.optional(),
    /** Only its extension is used, to tell YAML/JSON from prose when format is `auto`. */
    fileName: z.string().max(500).optional(),
  })
  .strict();
export type SpecInput = z.input<typeof specInput>;

/** A place in the spec text: 1-based line and column, and the line's text (trimmed, capped). */
export const sourceSpan = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1).optional(),
  text: z.string(),
});
export type SourceSpan = z.infer<typeof sourceSpan>;

/**
 * `understood`: read from the text (or written in a structured spec); `suggested`: a default Dihya
 * filled in because the text was thin, shown to the user as a proposal to accept or change.
 */
export const EXTRACTION_STATUSES = ['understood', 'suggested'] as const;
export const extractionStatus = z.enum(EXTRACTION_STATUSES);
export type ExtractionStatus = z.infer<typeof extractionStatus>;

export const explanation = z.object({
  /** Path into the model: `domain`, `roles[1]`, `entities[0].fields[2]`, `entities[0].relations[0]`. */
  path: z.string(),
  /** What was found, in words (`field Patient.email (email)`). */
  item: z.string(),
  status: extractionStatus,
  /** 0–1: how sure the rule that produced the item is. */
  confidence: z.number().min(0).max(1),
  /** Absent for suggestions, which no line produced. */
  source: sourceSpan.optional(),
  /** Which rule fired, so users can see why (`"prix" reads as money`). */
  reason: z.string(),
  /** The requirement (R1, R2, …) the source line belongs to. */
  requirement: z.string().optional(),
});
export type Explanation = z.infer<typeof explanation>;

export const SPEC_WARNING_CODES = [
  'truncated',
  'name-sanitised',
  'reserved-word',
  'duplicate-entity',
  'duplicate-field',
  'unknown-relation-target',
  'unknown-domain',
  'unsupported-language',
  'no-entities',
  'limit-reached',
] as const;
export const specWarningCode = z.enum(SPEC_WARNING_CODES);
export type SpecWarningCode = z.infer<typeof specWarningCode>;

export const specWarning = z.object({
  code: specWarningCode,
  message: z.string(),
  path: z.string().optional(),
  line: z.number().int().min(1).optional(),
  column: z.number().int().min(1).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type SpecWarning = z.infer<typeof specWarning>;

export const specParseOutput = z.object({
  model: projectModel,
  format: z.enum(['text', 'yaml', 'json']),
  /** Language the spec is written in (not the app's languages): `fr`, `en`, or `mixed`. */
  writtenIn: z.enum(['fr', 'en', 'mixed']).optional(),
  sources: z.array(explanation),
  warnings: z.array(specWarning),
});
export type SpecParseResult = z.infer<typeof specParseOutput>;

export const specIssue = z.object({
  path: z.string(),
  line: z.number().int().min(1).optional(),
  column: z.number().int().min(1).optional(),
  message: z.string(),
});
export type SpecIssue = z.infer<typeof specIssue>;

export const specValidateOutput = z.object({
  valid: z.boolean(),
  format: z.enum(['text', 'yaml', 'json']),
  errors: z.array(specIssue),
  /** Present when valid. */
  model: projectModel.optional(),
  warnings: z.array(specWarning),
});
export type SpecValidateResult = z.infer<typeof specValidateOutput>;
