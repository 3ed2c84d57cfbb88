import { AppError, type SecretStore } from '../common/index.ts';

/** Secret names and the environment variables a headless node (serve, CLI) reads them from. */
export const SECRET_ENV: Readonly<Record<string, string>> = {
  'backup.passphrase': 'DIHYA_BACKUP_PASSPHRASE',
  'smtp.password': 'DIHYA_SMTP_PASSWORD',
};

/**
 * The shell's secret store when it has one (the desktop app's OS keychain), with the environment
 * as a read-only fallback: `dihya serve` on a home server gets its passphrase from its service
 * definition, never from a file Dihya writes.
 */
export function layeredSecrets(port: SecretStore | undefined, env: NodeJS.ProcessEnv = process.env): SecretStore {
  const fromEnv = (name: string): string | undefined => {
    const variable = SECRET_ENV[name];
    const value = variable === undefined ? undefined : env[variable];
    return value === undefined || value === '' ? undefined : value;
  };
  const refuse = (name: string): never => {
    throw new AppError('BAD_REQUEST', `This Dihya has no secure place to keep secrets (no OS keychain): set ${SECRET_ENV[name] ?? 'the secret'} in its environment instead.`, { secret: name });
  };
  return {
    persistent: port?.persistent ?? false,
    get: async (name) => (await port?.get(name)) ?? fromEnv(name),
    set: async (name, value) => (port?.persistent ? port.set(name, value) : refuse(name)),
    delete: async (name) => {
      if (port?.persistent) await port.delete(name);
    },
  };
}
