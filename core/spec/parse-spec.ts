import type { SpecFormat, SpecParseResult, SpecValidateResult } from '../api/spec.ts';
import { AppError, isAppError } from '../common/index.ts';
import { detectFormat } from './detect-format.ts';
import { assertReadable, assertStructuredSize } from './input-guard.ts';
import { readStructured } from './structured/parse-structured.ts';
import { extractFromText } from './text/extract-text.ts';

export interface SpecSource {
  text: string;
  format?: SpecFormat;
  /** Only its extension is read, to tell YAML and JSON from prose. */
  fileName?: string;
}

/**
 * Spec text → ProjectModel, with an explanation (source line, rule, confidence) for every item.
 * Pure and synchronous: no I/O, no clock, same input same output — the CLI, the contract handler
 * and the benchmark all call this.
 *
 * Throws AppError: BAD_REQUEST (empty, binary), PAYLOAD_TOO_LARGE (structured spec over 1 MiB),
 * VALIDATION_FAILED (structured spec that breaks the schema; `details.issues` lists each problem
 * with path, line and column, and `details.path/line/column` repeat the first).
 */
export function parseSpec(source: SpecSource): SpecParseResult {
  assertReadable(source.text);
  const format = detectFormat(source.text, source.format, source.fileName);
  if (format === 'text') {
    const extraction = extractFromText(source.text);
    return { model: extraction.model, format, writtenIn: extraction.writtenIn, sources: extraction.sources, warnings: extraction.warnings };
  }
  assertStructuredSize(source.text);
  const outcome = readStructured(source.text, format);
  if (!outcome.ok) {
    const first = outcome.issues[0]!;
    const where = first.line === undefined ? '' : ` (line ${first.line}, column ${first.column ?? 1})`;
    const summary = `${first.path === '' ? '' : `${first.path}${where}: `}${first.message}${first.path === '' ? where : ''}`;
    const more = outcome.issues.length > 1 ? ` (and ${outcome.issues.length - 1} more)` : '';
    throw new AppError('VALIDATION_FAILED', `The ${format.toUpperCase()} spec is invalid — ${summary}${more}`, {
      format,
      path: first.path,
      ...(first.line === undefined ? {} : { line: first.line, column: first.column }),
      issues: outcome.issues,
    });
  }
  return { model: outcome.model, format, sources: outcome.sources, warnings: outcome.warnings };
}

/**
 * Checks a structured spec and reports every problem as data (`valid: false`, `errors[]`) rather
 * than throwing; free text is not a structured spec and is reported as such.
 */
export function validateSpec(source: SpecSource): SpecValidateResult {
  const format = detectFormat(source.text, source.format, source.fileName);
  if (format === 'text') {
    return {
      valid: false,
      format,
      errors: [{ path: '', line: 1, column: 1, message: 'This is free text, not a structured spec (YAML or JSON). Read it with spec.parse (dihya spec parse), which explains what it understood.' }],
      warnings: [],
    };
  }
  try {
    const result = parseSpec({ ...source, format });
    return { valid: true, format, errors: [], model: result.model, warnings: result.warnings };
  } catch (error) {
    if (!isAppError(error)) throw error;
    const issues = (error.details?.issues as SpecValidateResult['errors'] | undefined) ?? [{ path: '', message: error.message }];
    return { valid: false, format, errors: issues, warnings: [] };
  }
}
