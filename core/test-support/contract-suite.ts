import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DihyaClient, DihyaEvent } from '../api/index.ts';
import { AppError } from '../common/index.ts';

/**
 * One behaviour, every transport: this suite runs against the in-process client, the HTTP client
 * over `dihya serve`, and the IPC client over the stand-in Electron — as Kysely runs one suite per
 * dialect. A transport passes when it behaves exactly like the core.
 */
export interface ContractTarget {
  client: DihyaClient;
  dispose(): Promise<void>;
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the call to fail');
}

function nextEvent(client: DihyaClient, predicate: (event: DihyaEvent) => boolean): Promise<DihyaEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error('no matching event within 5 s'));
    }, 5_000);
    const unsubscribe = client.subscribe((event) => {
      if (!predicate(event)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(event);
    });
  });
}

export function runContractSuite(transport: string, start: () => Promise<ContractTarget>): void {
  describe(`contract over ${transport}`, () => {
    let target: ContractTarget;
    beforeAll(async () => {
      target = await start();
    });
    afterAll(async () => {
      await target?.dispose();
    });

    it('app.info names the app and its data directory', async () => {
      const info = await target.client.invoke('app.info', {});
      expect(info.name).toBe('Dihya');
      expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
      expect(info.schemaVersion).toBeGreaterThanOrEqual(1);
      expect(info.dataDir.length).toBeGreaterThan(0);
    });

    it('creates, reads, renames, lists and deletes a project', async () => {
      const created = await target.client.invoke('projects.create', { name: '  Café du Port  ', description: 'Menu et réservations' });
      expect(created).toMatchObject({ name: 'Café du Port', slug: 'cafe-du-port', description: 'Menu et réservations' });
      expect(await target.client.invoke('projects.get', { id: created.id })).toEqual(created);

      const renamed = await target.client.invoke('projects.rename', { id: created.id, name: 'Café du Vieux Port' });
      expect(renamed.name).toBe('Café du Vieux Port');
      expect(renamed.slug).toBe('cafe-du-port');

      const listed = await target.client.invoke('projects.list', { search: 'Vieux' });
      expect(listed.items.map((p) => p.id)).toEqual([created.id]);
      expect(listed.total).toBe(1);

      expect(await target.client.invoke('projects.delete', { id: created.id })).toEqual({ id: created.id, deleted: true });
      expect((await rejection(target.client.invoke('projects.get', { id: created.id }))).code).toBe('NOT_FOUND');
    });

    it('pages through the list, newest first, with the total', async () => {
      const names = ['Alpha', 'Beta', 'Gamma'].map((n) => `${n} ${transport}`);
      for (const name of names) await target.client.invoke('projects.create', { name });
      const first = await target.client.invoke('projects.list', { search: transport, limit: 2 });
      expect(first.total).toBe(3);
      expect(first.items.map((p) => p.name)).toEqual([names[2], names[1]]);
      const second = await target.client.invoke('projects.list', { search: transport, limit: 2, offset: 2 });
      expect(second.items.map((p) => p.name)).toEqual([names[0]]);
    });

    it('treats % and _ in a search as plain characters', async () => {
      await target.client.invoke('projects.create', { name: 'Promo 50% off' });
      await target.client.invoke('projects.create', { name: 'Promo 500 off' });
      const found = await target.client.invoke('projects.list', { search: '50%' });
      expect(found.items.map((p) => p.name)).toEqual(['Promo 50% off']);
    });

    it('searches names without regard to case, in any script', async () => {
      const ecole = await target.client.invoke('projects.create', { name: `ÉCOLE ÉTOILE ${transport}` });
      const mir = await target.client.invoke('projects.create', { name: `Общество Мир ${transport}` });
      expect((await target.client.invoke('projects.list', { search: 'école étoile' })).items.map((p) => p.id)).toEqual([ecole.id]);
      expect((await target.client.invoke('projects.list', { search: 'ОБЩЕСТВО' })).items.map((p) => p.id)).toEqual([mir.id]);
    });

    it('refuses a second project with the same name in another case, and keeps the first', async () => {
      const first = await target.client.invoke('projects.create', { name: 'Atelier Nour' });
      const error = await rejection(target.client.invoke('projects.create', { name: 'ATELIER NOUR' }));
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toContain('ATELIER NOUR');
      expect(await target.client.invoke('projects.get', { id: first.id })).toEqual(first);
    });

    it('gives distinct slugs to names that slug alike', async () => {
      const a = await target.client.invoke('projects.create', { name: 'Élan' });
      const b = await target.client.invoke('projects.create', { name: 'Elan!' });
      expect(a.slug).toBe('elan');
      expect(b.slug).toBe('elan-2');
    });

    it('names the field and the problem when input is wrong', async () => {
      const empty = await rejection(target.client.invoke('projects.create', { name: '   ' }));
      expect(empty.code).toBe('VALIDATION_FAILED');
      expect(empty.details?.issues).toEqual([expect.objectContaining({ path: 'name' })]);

      const wrongType = await rejection(target.client.invoke('projects.create', { name: 42 as unknown as string }));
      expect(wrongType.code).toBe('VALIDATION_FAILED');
      expect(wrongType.message).toContain('name');

      const badId = await rejection(target.client.invoke('projects.get', { id: 'not-a-uuid' }));
      expect(badId.code).toBe('VALIDATION_FAILED');

      const extra = await rejection(target.client.invoke('projects.create', { name: 'Ok', admin: true } as never));
      expect(extra.code).toBe('VALIDATION_FAILED');
    });

    it('answers NOT_FOUND for a project that does not exist', async () => {
      const missing = await rejection(target.client.invoke('projects.rename', { id: '00000000-0000-4000-8000-000000000000', name: 'X' }));
      expect(missing.code).toBe('NOT_FOUND');
    });

    it('refuses a command that is not in the contract', async () => {
      const error = await rejection(target.client.invoke('projects.format' as never, {} as never));
      expect(error.code).toBe('UNKNOWN_COMMAND');
    });

    it('streams an event for each change', async () => {
      const created = nextEvent(target.client, (e) => e.type === 'project.created' && e.project.name === 'Evented');
      const project = await target.client.invoke('projects.create', { name: 'Evented' });
      expect(await created).toEqual({ type: 'project.created', project });

      const deleted = nextEvent(target.client, (e) => e.type === 'project.deleted' && e.id === project.id);
      await target.client.invoke('projects.delete', { id: project.id });
      expect(await deleted).toEqual({ type: 'project.deleted', id: project.id });
    });
  });
}
