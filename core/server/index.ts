export { createServer } from './create-server.ts';
export { DEFAULT_STATIC_DIR, startServer } from './start-server.ts';
export type { RunningServer, StartServerOptions } from './start-server.ts';
export { httpStatusFor } from './http-status.ts';
export { newAccessToken } from './access-token.ts';
