import { CronExpressionParser } from 'cron-parser';
import cronstrue from 'cronstrue';
import cron from 'node-cron';
import { AppError } from '../common/index.ts';

/** The machine's zone: a job stores it explicitly, so moving the laptop does not shift its schedule silently. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * node-cron fires the jobs and cron-parser answers "when next / when last": an expression is
 * accepted only when both read it, so the preview never promises a time the scheduler would not keep.
 * Returns null when valid, else a sentence saying what is wrong.
 */
export function scheduleProblem(expression: string, zone: string): string | null {
  if (!isValidTimeZone(zone)) return `"${zone}" is not a known time zone (use a name such as Europe/Paris or UTC).`;
  const fields = expression.trim().split(/\s+/).length;
  if (fields < 5 || fields > 6) return `"${expression}" has ${fields} fields; a schedule has 5 (minute hour day month weekday) or 6 (with seconds first).`;
  try {
    CronExpressionParser.parse(expression, { tz: zone, strict: false }).next();
  } catch (error) {
    return `"${expression}" is not a valid schedule: ${error instanceof Error ? error.message : String(error)}.`;
  }
  if (!cron.validate(expression)) return `"${expression}" is not a schedule the scheduler can run.`;
  return null;
}

export function assertValidSchedule(expression: string, zone: string): void {
  const problem = scheduleProblem(expression, zone);
  if (problem !== null) {
    throw new AppError('VALIDATION_FAILED', problem, { issues: [{ path: 'cron', message: problem, code: 'invalid_schedule' }] });
  }
}

export function describeSchedule(expression: string): string {
  try {
    return cronstrue.toString(expression, { use24HourTimeFormat: true, throwExceptionOnParseError: true });
  } catch {
    return expression;
  }
}

export function nextRuns(expression: string, zone: string, after: Date, count: number): Date[] {
  const iterator = CronExpressionParser.parse(expression, { tz: zone, currentDate: after });
  const out: Date[] = [];
  for (let i = 0; i < count; i += 1) out.push(iterator.next().toDate());
  return out;
}

/** The latest slot at or before `at`, or null when the expression has none. */
export function previousRun(expression: string, zone: string, at: Date): Date | null {
  try {
    return CronExpressionParser.parse(expression, { tz: zone, currentDate: new Date(at.getTime() + 1) }).prev().toDate();
  } catch {
    return null;
  }
}
