import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

/** An error the API answers with: `{ error: { code, message, issues? } }` and its HTTP status. */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly issues: { path: string; message: string }[] | undefined;

  constructor(statusCode: number, code: string, message: string, issues?: { path: string; message: string }[]) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
    this.issues = issues;
  }
}

export function notFound(what: string): never {
  throw new HttpError(404, 'NOT_FOUND', `${what} not found.`);
}

/** Validates a request body with a zod schema; a failure lists every wrong field. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(body)', message: issue.message }));
  throw new HttpError(400, 'VALIDATION_FAILED', `Invalid input: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}

export function parseId(params: unknown): number {
  const id = Number((params as { id?: unknown }).id);
  if (!Number.isSafeInteger(id) || id < 1) throw new HttpError(400, 'BAD_REQUEST', 'The id must be a positive whole number.');
  return id;
}

interface SqliteError {
  code?: unknown;
  errcode?: unknown;
  message?: unknown;
}

// Extended SQLite result codes (https://sqlite.org/rescode.html).
const SQLITE_CONSTRAINT_UNIQUE = 2067;
const SQLITE_CONSTRAINT_PRIMARYKEY = 1555;
const SQLITE_CONSTRAINT_FOREIGNKEY = 787;
const SQLITE_CONSTRAINT_NOTNULL = 1299;
const SQLITE_CONSTRAINT_CHECK = 275;

/** Turns a constraint violation into the answer a client can act on. */
function fromSqlite(error: SqliteError): HttpError | undefined {
  if (error.code !== 'ERR_SQLITE_ERROR') return undefined;
  switch (error.errcode) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return new HttpError(409, 'CONFLICT', `A record with the same value already exists (${String(error.message).replace(/^UNIQUE constraint failed: /, '')}).`);
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return new HttpError(400, 'UNKNOWN_REFERENCE', 'A linked record does not exist.');
    case SQLITE_CONSTRAINT_NOTNULL:
    case SQLITE_CONSTRAINT_CHECK:
      return new HttpError(400, 'VALIDATION_FAILED', String(error.message));
    default:
      return undefined;
  }
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const known = error instanceof HttpError ? error : fromSqlite(error as SqliteError);
  if (known !== undefined) {
    void reply.status(known.statusCode).send({ error: { code: known.code, message: known.message, ...(known.issues ? { issues: known.issues } : {}) } });
    return;
  }
  if (typeof error.statusCode === 'number' && error.statusCode < 500) {
    void reply.status(error.statusCode).send({ error: { code: error.code ?? 'BAD_REQUEST', message: error.message } });
    return;
  }
  request.log.error(error);
  void reply.status(500).send({ error: { code: 'INTERNAL', message: 'Something went wrong on the server.' } });
}
