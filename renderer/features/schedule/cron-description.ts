import * as cronstrue from 'cronstrue/i18n.js';

// cronstrue's i18n declarations only declare a default export, which TypeScript's NodeNext reading
// of a CommonJS package and the bundler's interop disagree on; its named `toString` export is
// present in both, so it is taken from the namespace (which has no prototype to shadow it).
const cronToString = (cronstrue as unknown as { toString(expression: string, options: Record<string, unknown>): string }).toString;

/**
 * A cron expression in words, in the interface language. The core's `jobs.preview` describes
 * schedules in English only; cronstrue (which the core uses too) has French and Arabic, so the
 * renderer words it itself and keeps the core's reading as the fallback.
 */
export function describeCron(cron: string, language: string, fallback?: string): string {
  try {
    return cronToString(cron, { locale: language, use24HourTimeFormat: true, throwExceptionOnParseError: true, verbose: false });
  } catch {
    return fallback ?? cron;
  }
}
