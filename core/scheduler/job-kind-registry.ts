import { z } from 'zod';
import type { DihyaEvent, JobKindInfo } from '../api/index.ts';
import type { AuditEntryInput } from '../audit/index.ts';
import { AppError, toDisposable, type Clock, type Disposable } from '../common/index.ts';

export type JobTrigger = 'schedule' | 'manual' | 'catch-up';

/** What a job kind's `run` gets: its parsed options, a way out, and the core's clock, audit and events. */
export interface JobRunContext<O> {
  readonly job: { readonly id: string; readonly name: string; readonly kind: string };
  readonly runId: string;
  readonly trigger: JobTrigger;
  readonly options: O;
  /** Aborted when the core shuts down: stop at the next safe point and throw. */
  readonly signal: AbortSignal;
  readonly clock: Clock;
  /** Appends an audit entry (actor `scheduler`) in its own transaction; call it for every change made. */
  audit(entry: AuditEntryInput): Promise<void>;
  emit(event: DihyaEvent): void;
}

export interface JobRunResult {
  /** One sentence for the history and the notification, e.g. "Backup of 12 MB written to …". */
  summary: string;
  details?: Record<string, unknown>;
}

export interface JobKindDefinition<S extends z.ZodType = z.ZodType> {
  kind: string;
  title: string;
  description: string;
  /** What a new job of this kind is scheduled at unless told otherwise. */
  defaultCron: string;
  /** Validates a job's options when it is saved and again before each run. */
  optionsSchema: S;
  run(ctx: JobRunContext<z.output<S>>): Promise<JobRunResult>;
}

/**
 * The job kinds features contribute. A feature registers its kinds while `createCore` builds the
 * services (`services.jobKinds.registerJobKind(...)`), before the scheduler starts; a job whose kind
 * is not registered stays in the list and fails clearly when run.
 */
export class JobKindRegistry {
  private readonly kinds = new Map<string, JobKindDefinition>();

  registerJobKind<S extends z.ZodType>(definition: JobKindDefinition<S>): Disposable {
    if (this.kinds.has(definition.kind)) throw new Error(`Job kind "${definition.kind}" is already registered.`);
    const parsed = definition.optionsSchema.safeParse({});
    if (!parsed.success) throw new Error(`Job kind "${definition.kind}": its options schema must accept {} (give every option a default).`);
    this.kinds.set(definition.kind, definition as unknown as JobKindDefinition);
    return toDisposable(() => {
      this.kinds.delete(definition.kind);
    });
  }

  has(kind: string): boolean {
    return this.kinds.has(kind);
  }

  get(kind: string): JobKindDefinition {
    const definition = this.kinds.get(kind);
    if (definition === undefined) {
      throw new AppError('NOT_FOUND', `No feature provides jobs of kind "${kind}". Known kinds: ${[...this.kinds.keys()].join(', ') || 'none'}.`, { kind });
    }
    return definition;
  }

  /** Parses a job's options with its kind's schema; the issues name the option paths. */
  parseOptions(kind: string, options: unknown): Record<string, unknown> {
    const result = this.get(kind).optionsSchema.safeParse(options ?? {});
    if (result.success) return result.data as Record<string, unknown>;
    const issues = result.error.issues.map((issue) => ({ path: ['options', ...issue.path.map(String)].join('.'), message: issue.message, code: issue.code }));
    const summary = issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ');
    throw new AppError('VALIDATION_FAILED', `Invalid options for a ${kind} job — ${summary}`, { issues });
  }

  list(): JobKindInfo[] {
    return [...this.kinds.values()].map((definition) => ({
      kind: definition.kind,
      title: definition.title,
      description: definition.description,
      defaultCron: definition.defaultCron,
      defaultOptions: definition.optionsSchema.parse({}) as Record<string, unknown>,
      optionsSchema: z.toJSONSchema(definition.optionsSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
    }));
  }
}
