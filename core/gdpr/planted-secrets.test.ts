import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';
import { isAppError } from '../common/index.ts';
import type { Core } from '../host/index.ts';
import { readZip } from '../test-support/read-zip.ts';
import { tempCore, tempDir } from '../test-support/temp-core.ts';

/**
 * The planted-secrets test. Known credentials and personal data are pushed through every path that
 * exists, then the database file, the logs, the errors and the exports are searched for them.
 *
 * What counts, precisely:
 * - CREDENTIALS must never be persisted by Dihya: not in the audit log, the application log, an
 *   error that leaves the core, a job's history, a notification, or an export — and what only passed
 *   through (SECRETS, PERSONAL) must not be in the database file at all. The one exception is text
 *   the user typed into a content field and asked Dihya to keep (TYPED, stored in USER_CONTENT
 *   columns: a project name or description): that is their data, stored as given — until they erase
 *   it, after which it is nowhere, not even in free pages or the write-ahead log. Exports drop
 *   credentials even from user content.
 * - PERSONAL DATA (an e-mail address, a phone number) may be kept as the user typed it in
 *   USER_CONTENT and exported; everywhere else (audit, logs, errors, job history) it appears only
 *   masked.
 *
 * Later features extend this test: add a row to `plantingPaths` that pushes CARRIER (or parts of it)
 * through your feature's commands, jobs, errors and logs. If your feature stores user content on
 * purpose, add its columns to USER_CONTENT, with a comment saying why.
 */
const SECRETS = {
  github: 'ghp_PlantedGithubToken0123456789abcdefABCD',
  githubPat: 'github_pat_11PLANTED0_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH',
  notion: 'ntn_PlantedNotionSecret0123456789abcdefghijklmnop',
  stripe: 'sk_live_PlantedStripeKey0123456789',
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJwbGFudGVkIjoicGlubmluZy1zZXJ2aWNlIn0.UGxhbnRlZFNpZ25hdHVyZTAxMjM0NTY3ODk',
  bearer: 'PlantedBearer0123456789abcdefXYZ',
  password: 'Planted-Pa55word!',
  basicAuth: 'UGxhbnRlZDpCYXNpY0F1dGg=',
} as const;
const PERSONAL = { email: 'yasmine.planted@example.dz', phone: '+213 555 98 76 54' } as const;
/**
 * What the user types into content fields: distinct values, so that the checks on SECRETS and
 * PERSONAL above can be strict (those must not be stored anywhere, not even as content).
 */
const TYPED = { github: 'ghp_UserTypedTokenInADescription0123456789', email: 'amel.typed@example.dz' } as const;

/** One text carrying every secret and personal datum, in the forms they take in real messages. */
const CARRIER = [
  `GitHub ${SECRETS.github} / ${SECRETS.githubPat}`,
  `Notion ${SECRETS.notion}; Stripe ${SECRETS.stripe}`,
  `pinning JWT ${SECRETS.jwt}`,
  `Authorization: Bearer ${SECRETS.bearer}`,
  `password=${SECRETS.password}`,
  `Authorization: Basic ${SECRETS.basicAuth}`,
  `contact ${PERSONAL.email} or ${PERSONAL.phone}`,
].join('\n');

/** Columns that hold text the user typed and asked Dihya to keep. */
const USER_CONTENT = new Set(['projects.name', 'projects.name_key', 'projects.description']);

interface PlantContext {
  core: Core;
  dataDir: string;
  /** Every error that left the core (serialised) or the CLI (stderr), as text. */
  errors: string[];
}

async function failing(ctx: PlantContext, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    ctx.errors.push(isAppError(error) ? `${error.message}\n${JSON.stringify(error.toJSON())}` : String(error));
    return;
  }
  throw new Error('expected this planting to fail');
}

const plantingPaths: { name: string; plant(ctx: PlantContext): Promise<void> }[] = [
  {
    name: 'projects: names and descriptions (user content), renames, and the errors that quote them',
    plant: async (ctx) => {
      const project = await ctx.core.dispatch('projects.create', { name: `Shop of ${TYPED.email}`, description: `deploy key ${TYPED.github}, mail ${TYPED.email}` });
      await ctx.core.dispatch('projects.rename', { id: project.id, name: `Deploy ${TYPED.github}` });
      await failing(ctx, () => ctx.core.dispatch('projects.create', { name: `deploy ${TYPED.github}` }));
      await failing(ctx, () => ctx.core.dispatch('projects.create', { name: CARRIER }));
      await failing(ctx, () => ctx.core.dispatch('projects.rename', { id: project.id, name: `Deploy ${SECRETS.github}`, extra: CARRIER } as never));
      await failing(ctx, () => ctx.core.dispatch(SECRETS.github, { token: SECRETS.stripe }));
      await failing(ctx, () => ctx.core.dispatch('projects.get', { id: `${PERSONAL.email}` }));
    },
  },
  {
    name: 'the CLI: its error output',
    plant: async (ctx) => {
      const io = { out: () => undefined, err: (t: string) => void ctx.errors.push(t) };
      await runCli(['--data-dir', ctx.dataDir, 'projects', 'create', `Mail ${TYPED.email}`], io);
      await runCli(['--data-dir', ctx.dataDir, 'projects', 'create', `mail ${TYPED.email}`], io);
      await runCli(['--data-dir', ctx.dataDir, '--json', 'projects', 'rename', `Nobody ${SECRETS.notion}`, 'x'], io);
    },
  },
  {
    name: 'scheduled jobs: a failing run, its history and its notification',
    plant: async (ctx) => {
      const registration = ctx.core.services.jobKinds.registerJobKind({
        kind: 'planted-failure',
        title: 'Planted failure',
        description: 'Fails with every secret in its message.',
        defaultCron: '0 0 1 1 *',
        optionsSchema: z.object({}),
        run: async () => {
          throw new Error(`remote refused: ${CARRIER}`);
        },
      });
      const job = await ctx.core.dispatch('jobs.create', { kind: 'planted-failure', name: 'Planted job' });
      await ctx.core.dispatch('jobs.run', { id: job.id, wait: true }).catch((error: unknown) => void ctx.errors.push(JSON.stringify(isAppError(error) ? error.toJSON() : String(error))));
      await registration.dispose();
    },
  },
  {
    name: 'the application log, written by any feature',
    plant: async (ctx) => {
      ctx.core.services.logger.info({ config: { apiKey: SECRETS.stripe, note: CARRIER } }, `sync with ${SECRETS.notion} for ${PERSONAL.email}`);
      ctx.core.services.logger.error({ err: new Error(CARRIER) }, 'publish failed');
    },
  },
];

function hits(text: string, needles: Record<string, string>): string[] {
  return Object.entries(needles).filter(([, value]) => text.includes(value)).map(([key]) => key);
}

function dataDirFiles(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push({ path: full.slice(dir.length), text: readFileSync(full).toString('utf8') });
    }
  };
  walk(dir);
  return out;
}

describe('planted secrets and personal data', () => {
  let env: Awaited<ReturnType<typeof tempCore>>;
  const errors: string[] = [];
  const out = tempDir('dihya-planted-out-');

  beforeAll(async () => {
    env = await tempCore();
    for (const path of plantingPaths) await path.plant({ core: env.core, dataDir: env.dataDir, errors });
    env.core.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  });
  afterAll(async () => {
    await env.dispose();
    out.remove();
  });

  it('every planting path actually planted something', () => {
    expect(errors.length).toBeGreaterThanOrEqual(6);
    expect(readFileSync(join(env.dataDir, 'logs', 'dihya.log'), 'utf8')).toContain('publish failed');
  });

  it('errors that left the core or the CLI carry no credential and no raw e-mail or phone', () => {
    const text = errors.join('\n');
    expect(text).toContain('[REDACTED'); // the planted values did reach the errors, redacted
    expect(hits(text, { ...SECRETS, ...PERSONAL, ...TYPED })).toEqual([]);
  });

  it('the logs carry no credential and no raw e-mail or phone', () => {
    const logs = dataDirFiles(join(env.dataDir, 'logs'));
    expect(logs.length).toBeGreaterThan(0);
    expect(hits(logs.map((f) => f.text).join('\n'), { ...SECRETS, ...PERSONAL, ...TYPED })).toEqual([]);
  });

  it('no database cell outside user content holds a credential or a raw e-mail or phone', () => {
    const { sqlite } = env.core.store;
    const found: string[] = [];
    const tables = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").pluck().all() as string[];
    for (const table of tables) {
      for (const row of sqlite.prepare(`select * from "${table}"`).all() as Record<string, unknown>[]) {
        for (const [column, value] of Object.entries(row)) {
          if (typeof value !== 'string' || USER_CONTENT.has(`${table}.${column}`)) continue;
          for (const key of hits(value, { ...SECRETS, ...PERSONAL, ...TYPED })) found.push(`${key} in ${table}.${column}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('the database file (and its WAL) never held what only passed through: no trace even in free pages', () => {
    const file = readFileSync(env.core.store.file).toString('utf8') + readFileSync(`${env.core.store.file}-wal`).toString('utf8');
    expect(hits(file, { ...SECRETS, ...PERSONAL })).toEqual([]);
    // What the user typed into content fields is there, as they typed it.
    expect(hits(file, TYPED).sort()).toEqual(['email', 'github']);
  });

  it('the export carries no credential at all, and personal data only in the user content it returns', async () => {
    const result = await env.core.dispatch('gdpr.export', { outPath: join(out.path, 'planted.zip') });
    const files = await readZip(result.path);
    for (const [path, bytes] of files) {
      const text = bytes.toString('utf8');
      expect(hits(text, { ...SECRETS, github: TYPED.github }), path).toEqual([]);
      expect(hits(text, PERSONAL), path).toEqual([]);
      if (path !== 'data/projects.json') expect(hits(text, { email: TYPED.email }), path).toEqual([]);
    }
    expect(files.get('data/projects.json')?.toString()).toContain(TYPED.email);
  });

  it('after erasing everything, nothing planted is left anywhere in the data directory', async () => {
    await env.core.dispatch('gdpr.erase', { target: { scope: 'all' }, confirm: true });
    const found = dataDirFiles(env.dataDir).flatMap((f) => hits(f.text, { ...SECRETS, ...PERSONAL, ...TYPED }).map((key) => `${key} in ${f.path}`));
    expect(found).toEqual([]);
  });
});
