import type { Generated, GeneratedAlways } from 'kysely';

/**
 * Kysely's view of the SQLite store. When adding a column: write a new numbered migration in
 * `migrations/` (never edit a shipped one), then update the table type here.
 */
export interface ProjectsTable {
  id: string;
  name: string;
  /** Lower-cased name; UNIQUE, so two projects cannot differ only in case. */
  name_key: string;
  slug: string;
  description: string;
  created_at: string;
  updated_at: string;
}

export interface GenerationsTable {
  id: string;
  project_id: string;
  /** `interrupted` since 0006: the process running it died (see markInterruptedGenerations). */
  status: 'running' | 'succeeded' | 'failed' | 'interrupted';
  started_at: string;
  finished_at: string | null;
  duration_ms: number | null;
  model_json: string | null;
  lock_json: string | null;
  output_dir: string | null;
  error_json: string | null;
  /** Since 0005: the stack pack rendered, the output's root hash, files and bytes written, warnings (JSON). */
  stack: string | null;
  root_hash: string | null;
  file_count: number | null;
  byte_count: number | null;
  warnings_json: string | null;
  /** Since 0006: the process that runs (or ran) it, so another process never marks a live run interrupted. */
  pid: number | null;
}

export interface SettingsTable {
  key: string;
  value_json: string;
  updated_at: string;
}

/** Each entry is stored as the texts its hashes cover; the other fields are read out of them (core/audit/audit-table.ts). */
export interface AuditLogTable {
  seq: Generated<number>;
  /** What `hash` is the sha256 of (v2: action, actor, at, content hash, prev, seq; legacy v1: everything). */
  header_text: string;
  /** What the header's content hash is the sha256 of (details, salt, subject); null once erased, and on v1. */
  content_text: string | null;
  hash: string;
  /** The erasure id (named by a `gdpr.erasure.tombstone` entry) that emptied this entry. */
  redacted_by: string | null;
  at: GeneratedAlways<string>;
  actor: GeneratedAlways<string>;
  action: GeneratedAlways<string>;
  subject: GeneratedAlways<string | null>;
  details_json: GeneratedAlways<string>;
  prev_hash: GeneratedAlways<string>;
  /** v2 entries: salted hash of subject + details; null on legacy v1 entries. */
  content_hash: GeneratedAlways<string | null>;
  salt: GeneratedAlways<string | null>;
}

// Scheduler and backups (migration 0002).
export interface JobsTable {
  id: string;
  name: string;
  kind: string;
  cron: string;
  timezone: string;
  enabled: number;
  notify: 'failures' | 'all';
  options_json: string;
  created_at: string;
  updated_at: string;
  /** When the current schedule took effect; catch-up ignores slots before it. */
  schedule_since: string;
}

export interface JobRunsTable {
  id: string;
  job_id: string;
  trigger: 'schedule' | 'manual' | 'catch-up';
  status: 'running' | 'succeeded' | 'failed' | 'interrupted';
  started_at: string;
  finished_at: string | null;
  duration_ms: number | null;
  error_json: string | null;
  result_json: string | null;
  /** The process running it; a dead owner means the run was interrupted. */
  pid: number;
}

export interface NotificationsTable {
  id: string;
  at: string;
  level: 'info' | 'success' | 'warning' | 'error';
  title: string;
  body: string;
  job_id: string | null;
  run_id: string | null;
  read_at: string | null;
}

export interface BackupChecksTable {
  seq: Generated<number>;
  backup_id: string;
  file_name: string;
  checked_at: string;
  ok: number;
  error_code: string | null;
  message: string | null;
}

// IPFS publishing (migration 0004).
export interface IpfsPinsTable {
  cid: string;
  origin: 'publication' | 'car-import' | 'backup';
  block_count: number;
  pinned_at: string;
}

export interface IpfsPinBlocksTable {
  pin_cid: string;
  /** base32 multihash of a block the pin keeps from garbage collection. */
  block: string;
}

export interface PublicationsTable {
  id: string;
  cid: string;
  profile: 'modern' | 'legacy';
  kind: 'directory' | 'file';
  size_bytes: number;
  file_count: number;
  project_id: string | null;
  source_path: string;
  has_lock: number;
  first_published_at: string;
  published_at: string;
}

export interface IpfsRemotesTable {
  id: string;
  name: string;
  name_key: string;
  kind: 'kubo' | 'pinning-service';
  endpoint: string;
  /** A secret: never copied into audit details, logs, errors or outputs. */
  token: string | null;
  created_at: string;
}

export interface IpfsRemotePinsTable {
  id: string;
  remote_id: string;
  cid: string;
  status: 'queued' | 'pinning' | 'pinned' | 'failed';
  request_id: string | null;
  attempts: number;
  next_attempt_at: string | null;
  last_error_code: string | null;
  last_error_message: string | null;
  created_at: string;
  updated_at: string;
}

export interface Database {
  projects: ProjectsTable;
  generations: GenerationsTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  job_runs: JobRunsTable;
  notifications: NotificationsTable;
  backup_checks: BackupChecksTable;
  ipfs_pins: IpfsPinsTable;
  ipfs_pin_blocks: IpfsPinBlocksTable;
  publications: PublicationsTable;
  ipfs_remotes: IpfsRemotesTable;
  ipfs_remote_pins: IpfsRemotePinsTable;
}
