export { createPublishing } from './publishing.ts';
export { connectPublishingToGdpr } from './publish-gdpr.ts';
export type { Publishing } from './publishing.ts';
export { publishHandlers } from './publish-handlers.ts';
export { startRetryLoop } from './remote/retry-loop.ts';
export { LOCK_FILE_NAME, compareWithLock, readLock } from './lock-check.ts';
export { IpfsNode } from './ipfs/ipfs-node.ts';
export { registerPublishJobKind, publishJobOptions } from './publish-job.ts';
export type { BackupSource } from './backup-publishing.ts';
