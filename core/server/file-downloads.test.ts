import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempCore } from '../test-support/temp-core.ts';
import { startServer, type RunningServer } from './start-server.ts';

describe('downloading a GDPR export in serve mode', () => {
  let env: Awaited<ReturnType<typeof tempCore>>;
  let server: RunningServer;
  const get = (path: string, token: string | null = server.token) =>
    fetch(`${server.url}${path}`, { headers: token === null ? {} : { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    env = await tempCore();
    server = await startServer({ core: env.core, port: 0, staticDir: '/nonexistent' });
  });
  afterAll(async () => {
    await server.close();
    await env.dispose();
  });

  it('serves the archive gdpr.export wrote, byte for byte', async () => {
    await env.core.client.invoke('projects.create', { name: 'Mine to take away' });
    const exported = await env.core.client.invoke('gdpr.export', { overwrite: false });
    const name = exported.path.split('/').at(-1) ?? '';
    const response = await get(`/api/files/exports/${encodeURIComponent(name)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${name}"`);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBe(exported.bytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(exported.sha256);
  });

  it('needs the access token like every API route', async () => {
    const response = await get('/api/files/exports/anything.zip', null);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it.each([
    ['..%2Fdihya.db', 'VALIDATION_FAILED'],
    ['..%2F..%2Fetc%2Fpasswd', 'VALIDATION_FAILED'],
    ['.hidden.zip', 'VALIDATION_FAILED'],
    ['a..zip', 'VALIDATION_FAILED'],
    ['dihya.db', 'VALIDATION_FAILED'],
    ['never-made.zip', 'NOT_FOUND'],
  ])('refuses %s with %s', async (name, code) => {
    const response = await get(`/api/files/exports/${name}`);
    expect(response.status).toBe(code === 'NOT_FOUND' ? 404 : 400);
    const body = (await response.json()) as { code: string; message: string };
    expect(body.code).toBe(code);
    expect(body.message).toContain(decodeURIComponent(name));
  });

  it('names the areas that exist when asked for another', async () => {
    const response = await get('/api/files/backups/x.zip');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('only exports') });
  });
});
