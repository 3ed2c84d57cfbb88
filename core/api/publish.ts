import { z } from 'zod';
import { projectId } from './projects.ts';

/**
 * Publishing to IPFS: the embedded node, publications, CAR files, provenance checks and remote pins.
 * Zod and types only — the renderer imports this file.
 */

/** The shape of a CID (base58btc `Qm…` or a multibase string); the core parses it fully and names the fault. */
export const cidString = z
  .string()
  .trim()
  .min(2, 'A CID is needed.')
  .max(200, 'That is too long to be a CID.')
  .regex(/^[A-Za-z0-9]+$/, 'A CID has only letters and digits (like bafy… or Qm…).');

/** `modern`: CIDv1, raw leaves, 1 MiB chunks (IPIP-499 unixfs-v1-2025). `legacy`: CIDv0, 256 KiB, 174 links (Kubo's default). */
export const cidProfile = z.enum(['modern', 'legacy']);
export type CidProfile = z.infer<typeof cidProfile>;

/** A path on the machine running the core (absolute, or relative to where the CLI was started). */
const localPath = z.string().trim().min(1, 'A path is needed.').max(4_096);
const multiaddrString = z.string().trim().min(1).max(512).regex(/^\//, 'A peer address is a multiaddr such as /ip4/127.0.0.1/tcp/4001/p2p/12D3Koo…');
const taskId = z.string().trim().min(1).max(100).optional();

export const publication = z.object({
  id: z.string(),
  cid: z.string(),
  profile: cidProfile,
  kind: z.enum(['directory', 'file']),
  sizeBytes: z.number().int().min(0),
  fileCount: z.number().int().min(0),
  projectId: z.string().nullable(),
  sourcePath: z.string(),
  /** The published output carries a `dihya.lock.json` (its provenance). */
  hasLock: z.boolean(),
  firstPublishedAt: z.string(),
  publishedAt: z.string(),
  /** Still pinned on this node (unpinned content may be removed by `ipfs.gc`). */
  pinned: z.boolean(),
  gatewayUrl: z.string(),
});
export type Publication = z.infer<typeof publication>;

export const publishRunInput = z
  .object({
    path: localPath,
    profile: cidProfile.default('modern'),
    projectId: projectId.optional(),
    /** Also write a CARv1 of the published DAG here. */
    carPath: localPath.optional(),
    /** Publishing is public: an output whose lock file lists personal data is refused unless this is true. */
    confirmPersonalData: z.boolean().default(false),
    /** Correlates the live `progress` events of this run. */
    taskId,
  })
  .strict();

export const lockCheck = z.object({
  /** `absent`: no dihya.lock.json; `matches`: every file hashes as the lock says; `differs`: edited since generation. */
  status: z.enum(['absent', 'matches', 'differs']),
  problems: z.number().int().min(0),
  personalData: z.array(z.string()),
});

export const publishRunOutput = z.object({
  publication,
  /** Same CID as the last time this content was published (nothing changed). */
  unchanged: z.boolean(),
  lock: lockCheck,
  car: z.object({ path: z.string(), blocks: z.number().int(), bytes: z.number().int() }).nullable(),
});

export const publishListInput = z
  .object({
    projectId: projectId.optional(),
    limit: z.number().int().min(1).max(1_000).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export const publishListOutput = z.object({ items: z.array(publication), total: z.number().int().min(0) });

export const publishLinkInput = z.object({ cid: cidString }).strict();
export const publishLinkOutput = z.object({
  cid: z.string(),
  gatewayUrl: z.string(),
  ipfsUrl: z.string(),
  /** An SVG QR code of `gatewayUrl`, ready to inline. */
  qrSvg: z.string(),
});

export const verifyProblem = z.object({
  path: z.string(),
  problem: z.enum(['missing', 'modified', 'unexpected', 'lock-root-hash']),
});
export const publishVerifyInput = z
  .object({
    cid: cidString,
    /** Fetch from these peers when the content is not on this node. */
    peers: z.array(multiaddrString).max(16).default([]),
    timeoutMs: z.number().int().min(100).max(600_000).default(60_000),
  })
  .strict();
export const publishVerifyOutput = z.object({
  cid: z.string(),
  ok: z.boolean(),
  fileCount: z.number().int().min(0),
  /** Recomputed from the fetched files. */
  rootHash: z.string(),
  /** As written in the fetched dihya.lock.json. */
  lockRootHash: z.string(),
  problems: z.array(verifyProblem),
});

export const ipfsGetInput = z
  .object({
    cid: cidString,
    /** Where to write: becomes the directory (for a directory CID) or the file (for a file CID). */
    outputPath: localPath,
    peers: z.array(multiaddrString).max(16).default([]),
    /** Give up when nothing arrives for this long (a transfer that keeps moving is not cut). */
    timeoutMs: z.number().int().min(100).max(600_000).default(60_000),
    /** Replace an existing, non-empty output path. */
    overwrite: z.boolean().default(false),
  })
  .strict();
export const ipfsGetOutput = z.object({
  cid: z.string(),
  outputPath: z.string(),
  kind: z.enum(['directory', 'file']),
  fileCount: z.number().int().min(0),
  sizeBytes: z.number().int().min(0),
});

export const ipfsPin = z.object({
  cid: z.string(),
  origin: z.enum(['publication', 'car-import', 'backup']),
  blockCount: z.number().int().min(0),
  pinnedAt: z.string(),
  publication: publication.nullable(),
});
export const ipfsPinsInput = z.object({}).strict();
export const ipfsPinsOutput = z.object({ items: z.array(ipfsPin) });
export const ipfsUnpinInput = z.object({ cid: cidString }).strict();
export const ipfsUnpinOutput = z.object({ cid: z.string(), unpinned: z.literal(true) });

export const ipfsGcInput = z.object({}).strict();
export const ipfsGcOutput = z.object({ removedBlocks: z.number().int().min(0), keptBlocks: z.number().int().min(0) });

export const ipfsCarExportInput = z.object({ cid: cidString, outputPath: localPath }).strict();
export const ipfsCarExportOutput = z.object({ path: z.string(), roots: z.array(z.string()), blocks: z.number().int(), bytes: z.number().int() });
export const ipfsCarImportInput = z
  .object({
    path: localPath,
    /** Also restore the files of the (single) root here. */
    outputPath: localPath.optional(),
  })
  .strict();
export const ipfsCarImportOutput = z.object({
  roots: z.array(z.string()),
  blocks: z.number().int(),
  restored: ipfsGetOutput.nullable(),
});

export const ipfsNodeStatus = z.object({
  state: z.enum(['stopped', 'offline', 'online']),
  peerId: z.string().nullable(),
  addresses: z.array(z.string()),
  connections: z.number().int().min(0),
  repoPath: z.string(),
});
export const ipfsStatusInput = z.object({}).strict();
export const ipfsOnlineInput = z
  .object({
    /** Multiaddrs to listen on; defaults to the `ipfs.settings` value (loopback only unless changed). */
    listen: z.array(multiaddrString).max(8).optional(),
  })
  .strict();
export const ipfsOfflineInput = z.object({}).strict();

export const ipfsSettings = z.object({
  /** Base of shareable links, e.g. https://ipfs.io (links are `<gateway>/ipfs/<cid>/`). */
  gatewayUrl: z.string().url().max(500),
  listen: z.array(multiaddrString).min(1).max(8),
  maxConnections: z.number().int().min(1).max(1_000),
});
export type IpfsSettings = z.infer<typeof ipfsSettings>;
export const ipfsSettingsGetInput = z.object({}).strict();
export const ipfsSettingsSetInput = ipfsSettings.partial().strict();

export const remoteKind = z.enum(['kubo', 'pinning-service']);
export const ipfsRemote = z.object({
  id: z.string(),
  name: z.string(),
  kind: remoteKind,
  endpoint: z.string(),
  /** Tokens never leave the core; this says whether one is stored. */
  hasToken: z.boolean(),
  createdAt: z.string(),
});
export type IpfsRemote = z.infer<typeof ipfsRemote>;
export const remotesListInput = z.object({}).strict();
export const remotesListOutput = z.object({ items: z.array(ipfsRemote) });
export const remotesAddInput = z
  .object({
    name: z.string().trim().min(1).max(80),
    kind: remoteKind,
    endpoint: z.string().trim().url('An endpoint is a URL such as http://127.0.0.1:5001 or https://api.example.com/psa.').max(500),
    token: z.string().min(1).max(4_096).optional(),
  })
  .strict();
export const remotesRemoveInput = z.object({ id: z.string().uuid() }).strict();
export const remotesRemoveOutput = z.object({ id: z.string(), removed: z.literal(true) });

export const remotePin = z.object({
  id: z.string(),
  remoteId: z.string(),
  remoteName: z.string(),
  cid: z.string(),
  /** `queued`: waiting for a retry (see `nextAttemptAt`); `pinning`: accepted remotely, being polled. */
  status: z.enum(['queued', 'pinning', 'pinned', 'failed']),
  attempts: z.number().int().min(0),
  nextAttemptAt: z.string().nullable(),
  lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
  updatedAt: z.string(),
});
export type RemotePin = z.infer<typeof remotePin>;
export const remotesPinInput = z
  .object({
    remoteId: z.string().uuid(),
    cid: cidString,
    timeoutMs: z.number().int().min(100).max(600_000).default(30_000),
  })
  .strict();
export const remotesPinsInput = z.object({ status: z.enum(['queued', 'pinning', 'pinned', 'failed']).optional() }).strict();
export const remotesPinsOutput = z.object({ items: z.array(remotePin) });
export const remotesRetryInput = z
  .object({
    /** Retry every queued operation now, not only those whose backoff has elapsed. */
    all: z.boolean().default(false),
    timeoutMs: z.number().int().min(100).max(600_000).default(30_000),
  })
  .strict();
export const remotesRetryOutput = z.object({ attempted: z.number().int(), items: z.array(remotePin) });

/** Backups go to IPFS only encrypted; a published backup is a folder holding the one archive, so its name travels with it. */
export const publishBackupInput = z
  .object({
    /** A backup id or file name; the newest backup when omitted. */
    backup: z.string().trim().min(1).max(300).optional(),
    profile: cidProfile.default('modern'),
  })
  .strict();
export const publishBackupOutput = z.object({
  publication,
  backup: z.object({ id: z.string(), fileName: z.string() }),
});
export const ipfsBackupFetchInput = z
  .object({
    cid: cidString,
    peers: z.array(multiaddrString).max(16).default([]),
    timeoutMs: z.number().int().min(100).max(3_600_000).default(300_000),
  })
  .strict();
export const ipfsBackupFetchOutput = z.object({
  /** Where the archive now is: the backup folder, ready for `backup.restore`. */
  file: z.string(),
  fileName: z.string(),
  /** False when the archive could not be opened without its passphrase (restore will ask for it). */
  verified: z.boolean(),
});
