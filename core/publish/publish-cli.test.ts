import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../cli/exit-codes.ts';
import type { CliIo } from '../cli/output.ts';
import { runCli } from '../cli/run-cli.ts';
import { runBin } from '../test-support/run-bin.ts';
import { tempDir } from '../test-support/temp-core.ts';
import { treeDigest, writeGeneratedOutput, writeTree } from './test-support/trees.ts';

const dirs: { remove(): void }[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});
function workDir(): string {
  const dir = tempDir('dihya-publish-cli-');
  dirs.push(dir);
  return dir.path;
}

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += `${t}\n`), err: (t: string) => void (io.stderr += `${t}\n`) } satisfies CliIo & { stdout: string; stderr: string };
  const status = await runCli(args, io, env);
  return { status, stdout: io.stdout, stderr: io.stderr };
}

describe('dihya publish / ipfs (the real bin)', () => {
  // One spawn only: on a busy machine the bin plus Helia's first import can take most of runBin's 30 s.
  it('publishes a folder as JSON, and the CID gets it back', async () => {
    const dir = workDir();
    const out = join(dir, 'site');
    writeTree(out, { 'index.html': '<h1>Dihya</h1>', 'css/a.css': 'a{}' });
    const published = runBin(['publish', out, '--json', '--data-dir', join(dir, 'data')]);
    expect(published.stderr).toBe('');
    expect(published.status).toBe(0);
    const { publication } = JSON.parse(published.stdout) as { publication: { cid: string; fileCount: number } };
    expect(publication.fileCount).toBe(2);

    const got = await cli(['ipfs', 'get', publication.cid, '-o', join(dir, 'back'), '--data-dir', join(dir, 'data')]);
    expect(got.status).toBe(0);
    expect(got.stdout).toContain('Wrote 2 file(s)');
    expect(treeDigest(join(dir, 'back'))).toEqual(treeDigest(out));
  });
});

describe('dihya publish / ipfs / verify (in-process)', () => {
  it('prints the CID, the gateway link and the CAR; lists pins; verifies; collects garbage', async () => {
    const dir = workDir();
    const data = ['--data-dir', join(dir, 'data')];
    const out = join(dir, 'site');
    writeGeneratedOutput(out, { 'index.html': '<h1>Menu</h1>' });
    const published = await cli([...data, 'publish', out, '--legacy', '--car', join(dir, 'site.car')]);
    expect(published.status).toBe(0);
    expect(published.stdout).toMatch(/Published \(2 files, .* legacy CID\):\n {2}Qm\w{44}\n {2}https:\/\/ipfs\.io\/ipfs\/Qm\w{44}\//);
    expect(published.stdout).toContain('Provenance: dihya.lock.json matches every file.');
    expect(published.stdout).toContain(`CAR written: ${join(dir, 'site.car')}`);
    const cid = /Qm\w{44}/.exec(published.stdout)?.[0] as string;

    expect((await cli([...data, 'publish', out, '--legacy'])).stdout).toContain('Unchanged since the last publication');
    expect((await cli([...data, 'ipfs', 'pins'])).stdout).toMatch(new RegExp(`^CID\\s+ORIGIN\\s+FILES\\s+SIZE\\s+PINNED\\n${cid}\\s+publication\\s+2`, 'm'));
    const verified = await cli([...data, 'verify', '--cid', cid]);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toContain('OK: 1 files match dihya.lock.json');
    expect((await cli([...data, 'ipfs', 'unpin', cid])).status).toBe(0);
    expect((await cli([...data, 'ipfs', 'gc'])).stdout).toMatch(/Removed [1-9]\d* block\(s\); kept 0\./);

    const restored = await cli([...data, 'ipfs', 'import', join(dir, 'site.car'), '-o', join(dir, 'restored')]);
    expect(restored.status).toBe(0);
    expect(treeDigest(join(dir, 'restored'))).toEqual(treeDigest(out));
  });

  it('exits with documented codes: invalid CID 3, not here 4, personal data 7, damaged CAR 11', async () => {
    const dir = workDir();
    const data = ['--data-dir', join(dir, 'data')];
    const bad = await cli([...data, 'ipfs', 'get', 'Qmnotacid', '-o', join(dir, 'x')]);
    expect(bad.status).toBe(EXIT.invalidInput);
    expect(bad.stderr).toContain('is not a valid CID');

    const absent = await cli([...data, 'ipfs', 'get', 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy', '-o', join(dir, 'x')]);
    expect(absent.status).toBe(EXIT.notFound);
    expect(absent.stderr).toContain('--peer');

    const out = join(dir, 'crm');
    writeGeneratedOutput(out, { 'index.html': 'x', 'seed/people.json': '[]' }, { personalData: ['seed/people.json'] });
    const refused = await cli([...data, 'publish', out]);
    expect(refused.status).toBe(EXIT.refused);
    expect(refused.stderr).toContain('--yes-public');
    expect(refused.stderr).toContain('[CONFIRMATION_REQUIRED]');
    expect((await cli([...data, 'publish', out, '--yes-public'])).status).toBe(0);

    writeTree(dir, { 'bad.car': 'not a car' });
    const car = await cli([...data, '--json', 'ipfs', 'import', join(dir, 'bad.car')]);
    expect(car.status).toBe(EXIT.integrity);
    expect(JSON.parse(car.stderr)).toMatchObject({ error: { code: 'INTEGRITY_FAILED' } });
  });
});
