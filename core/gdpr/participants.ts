import type { ErasureTarget, RemoteCopy } from '../api/index.ts';

/** The target as participants see it: for a project, its id and slug (folders are named by slug). */
export type ResolvedErasureTarget = { scope: 'project'; projectId: string; slug: string } | { scope: 'all' };

/**
 * A feature that holds copies of personal data outside the tables (the IPFS blockstore, backups,
 * pushed repositories, a Notion catalogue…) takes part in erasure by registering one of these with
 * `services.gdpr.registerErasureParticipant(...)` in createCore.
 *
 * The IPFS engineer's participant is expected to be named `ipfs`: `erase` unpins the project's
 * CIDs and garbage-collects the local blockstore; remote pins and published CIDs go back as
 * `remoteCopies` so the erasure report can list them (Art. 17(2), 19).
 */
export interface ErasureParticipant {
  readonly name: string;
  /** Read-only: what `erase` would remove locally, and what exists elsewhere. */
  plan(target: ResolvedErasureTarget): Promise<{ localItems: number; remoteCopies: RemoteCopy[] }>;
  /**
   * Removes local copies. Runs first, while the tables still say what belongs to the target; the
   * erasure then deletes the rows (its own included, by the data catalog) and vacuums the database.
   */
  erase(target: ResolvedErasureTarget, erasureId: string): Promise<{ removed: number; remoteCopies: RemoteCopy[]; notes?: string[] }>;
}

/**
 * A feature whose own data has a retention rule (backups) applies it here when the `gdpr-retention`
 * job runs. `days` is the user's rule, or null for "follow your own policy".
 */
export interface RetentionParticipant {
  readonly kind: 'backups';
  apply(days: number | null, now: Date): Promise<{ deleted: number; note: string }>;
}

export type { ErasureTarget };
