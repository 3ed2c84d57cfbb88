import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempCore, tempDir } from '../test-support/temp-core.ts';
import { SPEC_TEXT_MAX_CHARS } from '../api/index.ts';
import { BODY_LIMIT_BYTES } from './fastify-errors.ts';
import { startServer, type RunningServer } from './start-server.ts';

describe('serve mode over HTTP', () => {
  let env: Awaited<ReturnType<typeof tempCore>>;
  let server: RunningServer;
  const ui = tempDir('dihya-ui-');

  const call = (command: string, body: string | undefined, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/${command}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json', ...headers },
      body,
    });

  beforeAll(async () => {
    env = await tempCore();
    mkdirSync(join(ui.path, 'assets'));
    writeFileSync(join(ui.path, 'index.html'), '<!doctype html><title>Dihya test UI</title>');
    writeFileSync(join(ui.path, 'assets', 'app.js'), 'console.log(1)');
    server = await startServer({ core: env.core, port: 0, staticDir: ui.path });
  });
  afterAll(async () => {
    await server.close();
    await env.dispose();
    ui.remove();
  });

  it('prints a link that carries a fresh random token', async () => {
    expect(server.openUrl).toBe(`${server.url}/#token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const other = await startServer({ core: env.core, port: 0, staticDir: ui.path });
    expect(other.token).not.toBe(server.token);
    await other.close();
  });

  it('runs a command and answers JSON', async () => {
    const response = await call('projects.create', JSON.stringify({ name: 'Over HTTP' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toMatchObject({ name: 'Over HTTP', slug: 'over-http' });
  });

  it('refuses a missing or wrong token with UNAUTHORIZED', async () => {
    const missing = await fetch(`${server.url}/api/projects.list`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ code: 'UNAUTHORIZED' });
    const wrong = await call('projects.list', '{}', { authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    const events = await fetch(`${server.url}/api/events`);
    expect(events.status).toBe(401);
  });

  it('answers malformed JSON with BAD_REQUEST', async () => {
    const response = await call('projects.create', '{"name": "broken"');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('not valid JSON') });
  });

  it('answers a non-JSON body with BAD_REQUEST', async () => {
    const response = await call('projects.create', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('answers an unknown command with UNKNOWN_COMMAND', async () => {
    const response = await call('projects.explode', '{}');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'UNKNOWN_COMMAND', details: { command: 'projects.explode' } });
    const get = await fetch(`${server.url}/api/projects.list`, { headers: { authorization: `Bearer ${server.token}` } });
    expect(get.status).toBe(404);
  });

  it('answers wrong types with VALIDATION_FAILED naming the field', async () => {
    const response = await call('projects.create', JSON.stringify({ name: ['x'] }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; details: { issues: { path: string }[] } };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details.issues[0]?.path).toBe('name');
  });

  it('takes the largest spec the contract accepts, and refuses a body past the limit, keeps serving and loses nothing', async () => {
    // 8 Mi characters, each three bytes in UTF-8: the worst case a spec may arrive in.
    const largest = JSON.stringify({ text: `# Cahier des charges\n${'é'.repeat(SPEC_TEXT_MAX_CHARS - 21)}` });
    const parsed = await call('spec.parse', largest);
    expect(parsed.status).toBe(200);
    const before = (await (await call('projects.list', '{}')).json()) as { total: number };
    const huge = JSON.stringify({ name: 'x', description: 'y'.repeat(BODY_LIMIT_BYTES) });
    const response = await call('projects.create', huge);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { limitBytes: BODY_LIMIT_BYTES } });
    const after = (await (await call('projects.list', '{}')).json()) as { total: number };
    expect(after.total).toBe(before.total);
  });

  it('sets security headers on the UI and the API', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Dihya test UI');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const api = await call('app.info', '{}');
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the UI for client-side routes and 404s unknown API paths as JSON', async () => {
    const route = await fetch(`${server.url}/projects/some-id`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('Dihya test UI');
    const asset = await fetch(`${server.url}/assets/app.js`);
    expect(await asset.text()).toBe('console.log(1)');
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}/`, { headers: { host: 'evil.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('streams events as SSE to a client holding the token', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}/api/events`, { headers: { authorization: `Bearer ${server.token}` }, signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const created = await (await call('projects.create', JSON.stringify({ name: 'Streamed' }))).json();
    let text = '';
    while (!text.includes('"Streamed"')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    const data = text.split('\n').find((line) => line.startsWith('data: ') && line.includes('Streamed'));
    expect(JSON.parse(data!.slice(6))).toEqual({ type: 'project.created', project: created });
  });
});

describe('serve mode start-up', () => {
  it('names the port when it is already taken', async () => {
    const env = await tempCore();
    const first = await startServer({ core: env.core, port: 0 });
    await expect(startServer({ core: env.core, port: first.port })).rejects.toMatchObject({ code: 'ADDRESS_IN_USE', message: expect.stringContaining(String(first.port)) });
    await first.close();
    await env.dispose();
  });
});
