import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AppError, type Clock, type SecretStore } from '../common/index.ts';
import type { Database } from '../db/index.ts';
import { readSetting, writeSetting } from './settings-json.ts';

const SETTINGS_KEY = 'notifications.email';
export const SMTP_PASSWORD_SECRET = 'smtp.password';

const storedEmailSettings = z.object({
  enabled: z.boolean().default(false),
  host: z.string().default(''),
  port: z.number().int().default(587),
  secure: z.boolean().default(false),
  from: z.string().default(''),
  to: z.string().default(''),
  username: z.string().nullable().default(null),
});
export type EmailSettings = z.infer<typeof storedEmailSettings>;

/**
 * Optional e-mail of job failures over SMTP. Never required: when it is off or the server is
 * unreachable, the in-app centre still has the outcome. The password lives in the secret store only.
 */
export class EmailNotifier {
  private readonly db: Kysely<Database>;
  private readonly secrets: SecretStore;
  private readonly clock: Clock;

  constructor(deps: { db: Kysely<Database>; secrets: SecretStore; clock: Clock }) {
    this.db = deps.db;
    this.secrets = deps.secrets;
    this.clock = deps.clock;
  }

  /** Inside a write command pass its transaction: the store has one connection, so `this.db` would wait for it. */
  settings(db: Kysely<Database> = this.db): Promise<EmailSettings> {
    return readSetting(db, SETTINGS_KEY, storedEmailSettings);
  }

  async hasPassword(): Promise<boolean> {
    return (await this.secrets.get(SMTP_PASSWORD_SECRET)) !== undefined;
  }

  /** `password`: undefined keeps the stored one, null forgets it. */
  async saveSettings(db: Kysely<Database>, settings: EmailSettings, password: string | null | undefined): Promise<void> {
    if (password !== undefined && !this.secrets.persistent) {
      throw new AppError('BAD_REQUEST', 'This Dihya has no secure place to keep a password (no OS keychain): set DIHYA_SMTP_PASSWORD in its environment instead.', { field: 'email.password' });
    }
    await writeSetting(db, SETTINGS_KEY, storedEmailSettings.parse(settings), this.clock.now());
    if (password === null) await this.secrets.delete(SMTP_PASSWORD_SECRET);
    else if (password !== undefined) await this.secrets.set(SMTP_PASSWORD_SECRET, password);
  }

  /** Sends one message; resolves false when e-mail is off. Errors say which server refused. */
  async send(message: { subject: string; text: string }, options: { force?: boolean } = {}): Promise<boolean> {
    const settings = await this.settings();
    if (!settings.enabled && options.force !== true) return false;
    if (settings.host === '' || settings.to === '') throw new AppError('BAD_REQUEST', 'E-mail is not set up: give a server, a sender and a recipient.', {});
    const password = await this.secrets.get(SMTP_PASSWORD_SECRET);
    // Loaded on first use: most runs never send mail, and nodemailer is slow to load.
    const { default: nodemailer } = await import('nodemailer');
    const transport = nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      auth: settings.username ? { user: settings.username, pass: password ?? '' } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    try {
      await transport.sendMail({ from: settings.from, to: settings.to, subject: message.subject, text: message.text });
      return true;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError('REMOTE_FAILED', `The mail server ${settings.host}:${settings.port} did not accept the message: ${reason}. Check the e-mail settings.`, { host: settings.host, port: settings.port }, { cause: error });
    } finally {
      transport.close();
    }
  }
}
