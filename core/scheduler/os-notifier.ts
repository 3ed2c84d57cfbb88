/**
 * The port for operating-system notifications. The Electron shell implements it with
 * `new Notification(...)`; serve mode and the CLI have none, and the in-app centre still records everything.
 */
export interface OsNotifier {
  notify(notification: { title: string; body: string; level: 'info' | 'success' | 'warning' | 'error' }): void | Promise<void>;
}
