import { existsSync } from 'node:fs';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { AppError } from '../common/index.ts';
import type { Core } from '../host/index.ts';
import { bearerMatches } from './access-token.ts';
import { openEventStream } from './event-stream.ts';
import { BODY_LIMIT_BYTES, toAppError } from './fastify-errors.ts';
import { registerFileDownloads } from './file-downloads.ts';
import { httpStatusFor } from './http-status.ts';

export interface ServerOptions {
  core: Core;
  token: string;
  /** The built renderer (renderer/dist); when missing, `/` explains how to build it. */
  staticDir: string;
  /** Only loopback binds check the Host header (a DNS-rebinding guard); LAN binds rely on the token. */
  loopbackOnly: boolean;
  logger?: boolean;
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function sendError(reply: FastifyReply, error: AppError): FastifyReply {
  return reply.status(httpStatusFor(error.code)).type('application/json; charset=utf-8').send(error.toJSON());
}

const LOOPBACK_HOST = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])(:\d+)?$/i;

/**
 * Serve mode: the contract over HTTP (`POST /api/<command>`, `GET /api/events` as SSE) and the
 * same renderer the desktop app shows. Thin by design: everything goes through `core.dispatch`.
 */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const { core, token } = options;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: BODY_LIMIT_BYTES, forceCloseConnections: true });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: Object.fromEntries(CSP.split('; ').map((d) => { const [k, ...v] = d.split(' '); return [k, v]; })) },
    crossOriginEmbedderPolicy: false,
    hsts: false,
  });

  app.setErrorHandler((error, _request, reply) => sendError(reply, toAppError(error)));

  app.addHook('onRequest', async (request, reply) => {
    if (options.loopbackOnly && !LOOPBACK_HOST.test(request.headers.host ?? '')) {
      return sendError(reply, new AppError('FORBIDDEN', 'This Dihya server only answers to 127.0.0.1 and localhost.'));
    }
    if (request.url.startsWith('/api/') && !bearerMatches(request.headers.authorization, token)) {
      return sendError(reply, new AppError('UNAUTHORIZED', 'Missing or wrong access token: open the link printed by `dihya serve`.'));
    }
    return undefined;
  });

  const streams = new Set<{ dispose(): void | Promise<void> }>();
  app.addHook('onClose', async () => {
    for (const stream of streams) await stream.dispose();
  });

  app.get('/api/events', (request, reply) => {
    const headers = Object.fromEntries(Object.entries(reply.getHeaders()).map(([k, v]) => [k, String(v)]));
    reply.hijack();
    const stream = openEventStream(reply.raw, core.events, headers);
    streams.add(stream);
    request.raw.on('close', () => streams.delete(stream));
  });

  registerFileDownloads(app, core.dataDir);

  app.post<{ Params: { command: string } }>('/api/:command', async (request, reply) => {
    const output = await core.dispatch(request.params.command, request.body, { actor: 'http' });
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(output));
  });

  app.all('/api/*', async () => {
    throw new AppError('UNKNOWN_COMMAND', 'Commands are called with POST /api/<command>; events are GET /api/events; files are GET /api/files/<area>/<name>.');
  });

  if (existsSync(options.staticDir)) {
    await app.register(fastifyStatic, { root: options.staticDir, wildcard: false, index: 'index.html' });
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
      return sendError(reply, new AppError('NOT_FOUND', `Nothing is served at ${request.method} ${request.url}.`));
    });
  } else {
    app.get('/', async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send('<!doctype html><title>Dihya</title><p>The Dihya UI has not been built yet. Run <code>npm run build:renderer</code> (done by <code>npm install</code>) and restart <code>dihya serve</code>. The API is available under /api/.</p>'),
    );
  }
  return app;
}
