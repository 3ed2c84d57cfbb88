import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { adminRole, can, isRole, roles, type Action } from '../shared/permissions.ts';
import type { Database } from './db.ts';
import { HttpError, parseBody } from './http-errors.ts';

/**
 * Sessions: signing in returns a random token (sent back as `Authorization: Bearer <token>`);
 * only its SHA-256 is stored, so a copy of the database does not hold usable tokens.
 * Passwords are hashed with scrypt and a per-user salt.
 */
export interface SessionUser {
  id: number;
  email: string;
  role: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
  }
}

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, length: number) => Promise<Buffer>;
const KEY_LENGTH = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LENGTH);
  return `scrypt$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || key === undefined) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length);
  return timingSafeEqual(actual, expected);
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const newUserSchema = z
  .object({
    email: z.email().max(254),
    password: z.string().min(8, 'A password has at least 8 characters.').max(200),
    role: z.enum(roles),
  })
  .strict();

export async function createUser(db: Database, input: z.infer<typeof newUserSchema>, passwordHash?: string): Promise<SessionUser> {
  passwordHash ??= await hashPassword(input.password);
  const result = db
    .prepare('INSERT INTO auth_users (email, password_hash, role, created_at) VALUES (?, ?, ?, ?)')
    .run(input.email, passwordHash, input.role, new Date().toISOString());
  return { id: Number(result.lastInsertRowid), email: input.email, role: input.role };
}

/** Opens a session for a user and returns its token (the token itself is never stored). */
export function createSession(db: Database, userId: number, hours: number): { token: string; expiresAt: string } {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + hours * 3_600_000).toISOString();
  db.prepare('INSERT INTO auth_sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)').run(tokenHash(token), userId, expiresAt);
  return { token, expiresAt };
}

export function countUsers(db: Database): number {
  return Number((db.prepare('SELECT COUNT(*) AS n FROM auth_users').get() as { n: number }).n);
}

/** onRequest hook: attaches the signed-in user (or null) to every request. */
export function authenticate(db: Database) {
  const find = db.prepare(
    'SELECT u.id AS id, u.email AS email, u.role AS role FROM auth_sessions s JOIN auth_users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?',
  );
  return async (request: FastifyRequest): Promise<void> => {
    request.user = null;
    const header = request.headers.authorization;
    if (typeof header !== 'string' || !header.startsWith('Bearer ')) return;
    const row = find.get(tokenHash(header.slice('Bearer '.length).trim()), new Date().toISOString());
    if (row !== undefined) request.user = { id: Number(row.id), email: String(row.email), role: String(row.role) };
  };
}

export function requireUser(request: FastifyRequest): SessionUser {
  if (request.user === null) throw new HttpError(401, 'UNAUTHORIZED', 'Sign in first.');
  return request.user;
}

/** preHandler: the signed-in user's role must allow `action` on `entity` (see shared/permissions.ts). */
export function requirePermission(entity: string, action: Action) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const user = requireUser(request);
    if (!can(user.role, entity, action)) throw new HttpError(403, 'FORBIDDEN', `The ${user.role} role may not ${action} ${entity}.`);
  };
}

export async function requireAdmin(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const user = requireUser(request);
  if (user.role !== adminRole) throw new HttpError(403, 'FORBIDDEN', `Only the ${adminRole} role may do this.`);
}

const loginSchema = z.object({ email: z.string().max(254), password: z.string().max(200) }).strict();

export async function authRoutes(app: FastifyInstance, options: { db: Database; sessionHours: number }): Promise<void> {
  const { db } = options;

  app.post('/api/auth/login', async (request) => {
    const input = parseBody(loginSchema, request.body);
    const row = db.prepare('SELECT id, email, role, password_hash FROM auth_users WHERE email = ?').get(input.email);
    if (row === undefined || !(await verifyPassword(input.password, String(row.password_hash)))) {
      throw new HttpError(401, 'BAD_CREDENTIALS', 'Wrong email or password.');
    }
    const session = createSession(db, Number(row.id), options.sessionHours);
    return { ...session, user: { id: Number(row.id), email: String(row.email), role: String(row.role) } };
  });

  app.post('/api/auth/logout', async (request, reply) => {
    requireUser(request);
    const token = String(request.headers.authorization).slice('Bearer '.length).trim();
    db.prepare('DELETE FROM auth_sessions WHERE token_hash = ?').run(tokenHash(token));
    return reply.code(204).send();
  });

  app.get('/api/auth/me', async (request) => requireUser(request));

  app.get('/api/auth/users', { preHandler: requireAdmin }, async () => ({
    items: db.prepare('SELECT id, email, role, created_at AS createdAt FROM auth_users ORDER BY id').all(),
  }));

  app.post('/api/auth/users', { preHandler: requireAdmin }, async (request, reply) => {
    const input = parseBody(newUserSchema, request.body);
    if (!isRole(input.role)) throw new HttpError(400, 'VALIDATION_FAILED', 'Unknown role.');
    return reply.code(201).send(await createUser(db, input));
  });
}
