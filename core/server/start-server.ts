import { fileURLToPath } from 'node:url';
import { AppError } from '../common/index.ts';
import type { Core } from '../host/index.ts';
import { newAccessToken } from './access-token.ts';
import { createServer } from './create-server.ts';

export interface StartServerOptions {
  core: Core;
  host?: string;
  port?: number;
  token?: string;
  staticDir?: string;
}

export interface RunningServer {
  url: string;
  /** The URL to open: carries the access token in the fragment, which browsers never send to servers. */
  openUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../renderer/dist', import.meta.url));

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? newAccessToken();
  const app = await createServer({ core: options.core, token, staticDir: options.staticDir ?? DEFAULT_STATIC_DIR, loopbackOnly: isLoopback(host) });
  try {
    await app.listen({ host, port: options.port ?? 4870 });
  } catch (error) {
    await app.close();
    const code = (error as { code?: unknown }).code;
    if (code === 'EADDRINUSE') throw new AppError('ADDRESS_IN_USE', `Port ${options.port} on ${host} is already in use; choose another with --port (0 picks a free one).`, { host, port: options.port });
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new AppError('BAD_REQUEST', `Cannot listen on ${host}: no such address on this machine.`, { host });
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 4870);
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  const url = `http://${shownHost}:${port}`;
  return { url, openUrl: `${url}/#token=${token}`, token, port, close: () => app.close() };
}
