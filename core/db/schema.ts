import type { Generated } from 'kysely';

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
  status: 'running' | 'succeeded' | 'failed';
  started_at: string;
  finished_at: string | null;
  duration_ms: number | null;
  model_json: string | null;
  lock_json: string | null;
  output_dir: string | null;
  error_json: string | null;
}

export interface SettingsTable {
  key: string;
  value_json: string;
  updated_at: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  details_json: string;
  prev_hash: string;
  hash: string;
}

export interface Database {
  projects: ProjectsTable;
  generations: GenerationsTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
}
