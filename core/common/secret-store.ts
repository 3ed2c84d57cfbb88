/**
 * Where the shell keeps secrets (a backup passphrase, an SMTP password): the desktop app backs it
 * with the OS keychain (Electron safeStorage). The core never writes a secret anywhere else.
 * `persistent: false` marks a read-only source such as environment variables.
 */
export interface SecretStore {
  readonly persistent: boolean;
  get(name: string): Promise<string | undefined>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
}
