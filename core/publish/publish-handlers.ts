import { AppError } from '../common/index.ts';
import type { Handlers } from '../host/handler-types.ts';
import type { Publishing } from './publishing.ts';

type PublishCommand =
  | 'publish.run' | 'publish.list' | 'publish.link' | 'publish.verify'
  | 'ipfs.get' | 'ipfs.pins' | 'ipfs.unpin' | 'ipfs.gc' | 'ipfs.car.export' | 'ipfs.car.import'
  | 'ipfs.status' | 'ipfs.online' | 'ipfs.offline' | 'ipfs.settings.get' | 'ipfs.settings.set'
  | 'ipfs.remotes.list' | 'ipfs.remotes.add' | 'ipfs.remotes.remove' | 'ipfs.remotes.pin' | 'ipfs.remotes.pins' | 'ipfs.remotes.retry'
  | 'publish.backup' | 'ipfs.backup.fetch';

function backupsOf(publishing: Publishing) {
  if (publishing.backups === null) throw new AppError('NOT_FOUND', 'Backups are not available in this Dihya.', {});
  return publishing.backups;
}

export function publishHandlers(publishing: Publishing): Pick<Handlers, PublishCommand> {
  const { publish, ipfs, remotes } = publishing;
  return {
    'publish.run': (input, ctx) => publish.publish(input, ctx),
    'publish.list': (input, ctx) => publish.list(input, ctx),
    'publish.link': (input, ctx) => publish.link(input, ctx),
    'publish.verify': (input, ctx) => publish.verify(input, ctx),
    'ipfs.get': (input, ctx) => ipfs.get(input, ctx),
    'ipfs.pins': (_input, ctx) => ipfs.pins(ctx),
    'ipfs.unpin': (input, ctx) => ipfs.unpin(input, ctx),
    'ipfs.gc': (_input, ctx) => ipfs.gc(ctx),
    'ipfs.car.export': (input, ctx) => ipfs.exportCar(input, ctx),
    'ipfs.car.import': (input, ctx) => ipfs.importCar(input, ctx),
    'ipfs.status': async () => ipfs.status(),
    'ipfs.online': (input, ctx) => ipfs.online(input, ctx),
    'ipfs.offline': (_input, ctx) => ipfs.offline(ctx),
    'ipfs.settings.get': (_input, ctx) => ipfs.settings(ctx),
    'ipfs.settings.set': (input, ctx) => ipfs.changeSettings(input, ctx),
    'ipfs.remotes.list': (_input, ctx) => remotes.list(ctx),
    'ipfs.remotes.add': (input, ctx) => remotes.add(input, ctx),
    'ipfs.remotes.remove': (input, ctx) => remotes.remove(input, ctx),
    'ipfs.remotes.pin': (input, ctx) => remotes.pin(input, ctx),
    'ipfs.remotes.pins': (input, ctx) => remotes.pins(input, ctx),
    'ipfs.remotes.retry': (input, ctx) => remotes.retry(input, ctx),
    'publish.backup': (input, ctx) => backupsOf(publishing).publishBackup(input, ctx),
    'ipfs.backup.fetch': (input, ctx) => backupsOf(publishing).fetchBackup(input, ctx),
  };
}
