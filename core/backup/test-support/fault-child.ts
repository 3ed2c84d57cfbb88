// A child process for the kill -9 tests: one backup operation on a data directory, as the app
// runs it, announced on stdout so the parent can SIGKILL it at a chosen moment. It imports only
// what the operation needs, to start fast (the tests spawn it fifty times).
import { systemClock } from '../../common/index.ts';
import { openStore } from '../../db/index.ts';
import { EventBus } from '../../host/event-bus.ts';
import type { Scheduler } from '../../scheduler/scheduler.ts';
import { BackupService } from '../backup-service.ts';
import { layeredSecrets } from '../env-secrets.ts';

const [op, dataDir, arg] = process.argv.slice(2);
if (dataDir === undefined) throw new Error('usage: fault-child.ts backup|prune|restore DATA_DIR [BACKUP]');
const store = await openStore(dataDir);
const scheduler = { exclusive: <T>(_reason: string, work: () => Promise<T>) => work() } as unknown as Scheduler;
const backups = new BackupService({ store, dataDir, clock: systemClock, bus: new EventBus(), secrets: layeredSecrets(undefined, {}), scheduler, dihyaVersion: 'fault-test' });

process.stdout.write('ready\n');
if (op === 'backup') await backups.create({ kind: 'manual' });
else if (op === 'prune') await backups.prune({ retention: { keepLast: 1, daily: 0, weekly: 0, monthly: 0 }, dryRun: false });
else if (op === 'restore') await backups.restore({ file: arg ?? '' });
else throw new Error(`unknown operation ${op}`);
process.stdout.write('done\n');
// Stay alive until killed, so every kill point is a SIGKILL of a live process.
setInterval(() => undefined, 60_000);
