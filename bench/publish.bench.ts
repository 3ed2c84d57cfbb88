import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CID } from 'multiformats/cid';
import { Bench } from 'tinybench';
import { createCore, type Core } from '../core/host/index.ts';
import { readFile } from '../core/publish/ipfs/export-tree.ts';
import { ipfsModules } from '../core/publish/ipfs/ipfs-modules.ts';
import { rowsFrom, type BenchRow } from './report.ts';

const BIG_BYTES = 100 * 1024 * 1024;
const SMALL_FILES = 1_000;
const MB = 1_000_000;

/** Publishing throughput against the hashing floor (`sha256sum` over the same bytes), and local get latency. */
export async function benchPublish(): Promise<BenchRow[]> {
  const root = mkdtempSync(join(tmpdir(), 'dihya-bench-publish-'));
  let core: Core | undefined;
  try {
    const big = join(root, 'big.bin');
    writeFileSync(big, randomBytes(BIG_BYTES));
    const small = join(root, 'small');
    mkdirSync(small);
    let smallBytes = 0;
    const smallFiles: string[] = [];
    for (let i = 0; i < SMALL_FILES; i += 1) {
      const file = join(small, `page-${i}.html`);
      const bytes = randomBytes(500 + ((i * 37) % 3_500));
      writeFileSync(file, bytes);
      smallBytes += bytes.length;
      smallFiles.push(file);
    }
    core = await createCore({ dataDir: join(root, 'data'), mode: 'test' });
    const live = core;
    // Each timed publish starts from an empty blockstore (blocks already present are not rewritten).
    const reset = async () => {
      for (const pin of (await live.dispatch('ipfs.pins', {})).items) await live.dispatch('ipfs.unpin', { cid: pin.cid });
      await live.dispatch('ipfs.gc', {});
    };
    await live.dispatch('publish.run', { path: small }); // starts the node: not part of what is measured
    await reset();

    const bench = new Bench({ time: 0, iterations: 5, warmup: false });
    bench
      .add('sha256sum: 100 MB file', () => {
        execFileSync('sha256sum', [big], { stdio: 'ignore' });
      })
      .add('publish 100 MB file (modern CIDs)', async () => {
        await live.dispatch('publish.run', { path: big });
      }, { afterEach: reset })
      .add('publish 100 MB file (legacy CIDs)', async () => {
        await live.dispatch('publish.run', { path: big, profile: 'legacy' });
      }, { afterEach: reset })
      .add('sha256sum: 1 000 small files', () => {
        execFileSync('sha256sum', smallFiles, { stdio: 'ignore' });
      })
      .add('publish 1 000 small files (modern CIDs)', async () => {
        await live.dispatch('publish.run', { path: small });
      }, { afterEach: reset });
    await bench.run();

    // Time to first byte of a local get (node warm, file pinned). Each read runs to the end, so
    // one measurement never competes with the leftovers of the previous one.
    const published = await live.dispatch('publish.run', { path: big });
    const cid = CID.parse(published.publication.cid);
    const { unixfs } = await ipfsModules();
    const firstByte: number[] = [];
    const whole: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      await live.services.publishing.node.use(async (node) => {
        const started = performance.now();
        let first = 0;
        for await (const chunk of readFile(unixfs(node.helia), cid, AbortSignal.timeout(60_000))) {
          if (first === 0 && chunk.byteLength > 0) first = performance.now();
        }
        firstByte.push(first - started);
        whole.push(performance.now() - started);
      });
    }
    const average = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const ttfbRows: BenchRow[] = [
      { suite: 'publish', task: 'local get of the 100 MB file: first byte', meanMs: average(firstByte) },
      { suite: 'publish', task: 'local get of the 100 MB file: all bytes', meanMs: average(whole), note: `${((BIG_BYTES / MB) / (average(whole) / 1000)).toFixed(0)} MB/s` },
    ];

    const rows = [
      ...rowsFrom('publish', bench, {
        'publish 100 MB file (modern CIDs)': 'sha256sum: 100 MB file',
        'publish 100 MB file (legacy CIDs)': 'sha256sum: 100 MB file',
        'publish 1 000 small files (modern CIDs)': 'sha256sum: 1 000 small files',
      }),
      ...ttfbRows,
    ];
    const mean = (task: string) => rows.find((row) => row.task === task)?.meanMs ?? Number.NaN;
    const throughput = (bytes: number, ms: number) => `${((bytes / MB) / (ms / 1000)).toFixed(0)} MB/s`;
    const floorBig = mean('sha256sum: 100 MB file');
    const floorSmall = mean('sha256sum: 1 000 small files');
    const notes: Record<string, string> = {
      'sha256sum: 100 MB file': throughput(BIG_BYTES, floorBig),
      'publish 100 MB file (modern CIDs)': `${throughput(BIG_BYTES, mean('publish 100 MB file (modern CIDs)'))}, ${(floorBig / mean('publish 100 MB file (modern CIDs)')).toFixed(2)}× sha256sum throughput (target ≥ 0.6×)`,
      'publish 100 MB file (legacy CIDs)': `${throughput(BIG_BYTES, mean('publish 100 MB file (legacy CIDs)'))}, ${(floorBig / mean('publish 100 MB file (legacy CIDs)')).toFixed(2)}× sha256sum throughput (target ≥ 0.4×)`,
      'sha256sum: 1 000 small files': `${throughput(smallBytes, floorSmall)}`,
      'publish 1 000 small files (modern CIDs)': `${(SMALL_FILES / (mean('publish 1 000 small files (modern CIDs)') / 1000)).toFixed(0)} files/s (target ≥ 3 000), ${(floorSmall / mean('publish 1 000 small files (modern CIDs)')).toFixed(2)}× sha256sum throughput`,
    };
    return rows.map((row) => (notes[row.task] === undefined ? row : { ...row, note: notes[row.task] }));
  } finally {
    await core?.dispose();
    rmSync(root, { recursive: true, force: true });
  }
}
