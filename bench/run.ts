// `npm run bench`: speed and memory figures, printed side by side with their baselines.
// Goals live here, never in timed unit tests. Add a suite by exporting a function returning rows.
import './thread-pool.ts'; // first: it must run before libuv's pool starts
import { benchAudit } from './audit.bench.ts';
import { benchBackup } from './backup.bench.ts';
import { benchCoreStore } from './core-store.bench.ts';
import { benchGeneration } from './generation.bench.ts';
import { benchPublish } from './publish.bench.ts';
import { printReport, type BenchRow } from './report.ts';
import { benchSpec } from './spec.bench.ts';

const suites: { name: string; run: () => Promise<BenchRow[]> }[] = [
  { name: 'core store', run: benchCoreStore },
  { name: 'spec parsing', run: benchSpec }, { name: 'publish (IPFS)', run: benchPublish }, { name: 'generation', run: benchGeneration }, { name: 'audit log', run: benchAudit }, { name: 'backup', run: benchBackup }];

const rows: BenchRow[] = [];
for (const suite of suites) {
  process.stderr.write(`bench: ${suite.name}…\n`);
  rows.push(...(await suite.run()));
}
printReport(rows);
