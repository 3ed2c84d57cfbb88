import { GENESIS_HASH, contentHashV2, entryHashV1, entryHashV2 } from './audit-hash.ts';
import type { AuditAnchor } from './audit-head.ts';
import { canonicalJson } from './canonical-json.ts';

/** One stored entry, exactly as in the table. */
export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  details_json: string;
  prev_hash: string;
  hash: string;
  content_hash: string | null;
  salt: string | null;
  redacted_by: string | null;
}

/** What the walk itself reads; how an entry's own hash is checked is `selfCheck`'s business. */
export type ChainRow = Pick<AuditRow, 'seq' | 'action' | 'prev_hash' | 'hash' | 'redacted_by' | 'details_json'>;

export type AuditProblemReason = 'modified' | 'removed' | 'reordered' | 'truncated' | 'replaced' | 'unaccounted-redaction' | 'anchor-unreadable';

export interface AuditProblem {
  /** The first entry that does not hold (for `removed` and `truncated`: the first missing one). */
  seq: number;
  reason: AuditProblemReason;
  message: string;
}

export type AnchorState = 'matches' | 'behind' | 'missing' | 'unreadable' | 'contradicted' | 'unchecked';

export interface AuditCheck {
  ok: boolean;
  /** Entries walked (all of them when the chain holds). */
  entries: number;
  firstSeq: number | null;
  head: { seq: number; hash: string } | null;
  /** Entries up to this seq were purged by retention, accounted for by a checkpoint entry (0: none). */
  purgedThroughSeq: number;
  redactedEntries: number;
  anchor: { state: AnchorState; seq: number | null; hash: string | null; count: number | null; updatedAt: string | null };
  problem: AuditProblem | null;
}

export const CHECKPOINT_ACTION = 'audit.checkpoint';
export const TOMBSTONE_ACTION = 'gdpr.erasure.tombstone';

export interface Checkpoint {
  throughSeq: number;
  throughHash: string;
}

export function parseCheckpoint(detailsJson: string): Checkpoint | null {
  try {
    const d = JSON.parse(detailsJson) as Record<string, unknown>;
    return typeof d.throughSeq === 'number' && typeof d.throughHash === 'string' ? { throughSeq: d.throughSeq, throughHash: d.throughHash } : null;
  } catch {
    return null;
  }
}

export function rowFromRecord(record: {
  seq: number; at: string; actor: string; action: string; subject: string | null; details: Record<string, unknown>; prevHash: string; hash: string;
  contentHash?: string | null; salt?: string | null; redactedBy?: string | null;
}): AuditRow {
  return {
    seq: record.seq, at: record.at, actor: record.actor, action: record.action, subject: record.subject,
    details_json: canonicalJson(record.details), prev_hash: record.prevHash, hash: record.hash,
    content_hash: record.contentHash ?? null, salt: record.salt ?? null, redacted_by: record.redactedBy ?? null,
  };
}

/** Does the entry's stored hash follow from its own stored fields? */
export function rowIsSelfConsistent(row: AuditRow): boolean {
  if (row.content_hash === null) {
    if (row.redacted_by !== null) return false;
    let details: Record<string, unknown>;
    try {
      details = JSON.parse(row.details_json) as Record<string, unknown>;
    } catch {
      return false;
    }
    return entryHashV1({ seq: row.seq, at: row.at, actor: row.actor, action: row.action, subject: row.subject, details, prevHash: row.prev_hash }) === row.hash;
  }
  if (row.redacted_by === null) {
    if (row.salt === null || contentHashV2(row.subject, row.details_json, row.salt) !== row.content_hash) return false;
  } else if (row.subject !== null || row.salt !== null || row.details_json !== '{}') {
    return false;
  }
  return entryHashV2({ seq: row.seq, at: row.at, actor: row.actor, action: row.action, contentHash: row.content_hash, prevHash: row.prev_hash }) === row.hash;
}

const short = (hash: string) => hash.slice(0, 12);

/**
 * The one verification walk, used for records in memory and for the stored table alike.
 * `source` may be called twice: the second walk only happens once something is already wrong,
 * to tell a reordering (the link points at another entry that exists) from a removal.
 */
export function scanAuditChain<R extends ChainRow = AuditRow>(
  source: () => Iterable<R>,
  options: { checkpoint: Checkpoint | null | 'find'; anchor: AuditAnchor | null | 'unreadable'; selfCheck?: (row: R) => boolean },
): AuditCheck {
  const selfCheck = options.selfCheck ?? (rowIsSelfConsistent as unknown as (row: R) => boolean);
  let checkpoint = options.checkpoint === 'find' ? null : options.checkpoint;
  if (options.checkpoint === 'find') {
    for (const row of source()) if (row.action === CHECKPOINT_ACTION) checkpoint = parseCheckpoint(row.details_json) ?? checkpoint;
  }
  const anchor = options.anchor === 'unreadable' ? null : options.anchor;
  let entries = 0;
  let firstSeq: number | null = null;
  let head: { seq: number; hash: string } | null = null;
  let expectedSeq = 0;
  let expectedPrev = GENESIS_HASH;
  let purgedThroughSeq = 0;
  let problem: AuditProblem | null = null;
  let broken: { row: R; selfOk: boolean } | null = null;
  let anchorSeenHash: string | null = null;
  let originHash: string | null = null;
  const redactions = new Map<string, { first: number; last: number; count: number }>();
  const tombstones = new Map<string, { seq: number; count: number }>();

  for (const row of source()) {
    if (firstSeq === null) {
      firstSeq = row.seq;
      if (row.seq === 1) {
        expectedSeq = 1;
      } else if (checkpoint !== null && checkpoint.throughSeq + 1 === row.seq) {
        expectedSeq = row.seq;
        expectedPrev = checkpoint.throughHash;
        purgedThroughSeq = checkpoint.throughSeq;
      } else {
        const missing = checkpoint !== null && checkpoint.throughSeq + 1 < row.seq ? checkpoint.throughSeq + 1 : 1;
        problem = { seq: missing, reason: 'removed', message: `Entries #${missing}–#${row.seq - 1} are missing from the start of the log, and no retention checkpoint accounts for them.` };
        break;
      }
    }
    if (row.seq !== expectedSeq) {
      problem = { seq: expectedSeq, reason: 'removed', message: row.seq === expectedSeq + 1 ? `Entry #${expectedSeq} was removed.` : `Entries #${expectedSeq}–#${row.seq - 1} were removed.` };
      break;
    }
    const selfOk = selfCheck(row);
    if (row.prev_hash !== expectedPrev) {
      // Diagnosed after the loop: a database cursor must be closed before the second walk.
      broken = { row, selfOk };
      break;
    }
    if (!selfOk) {
      problem = { seq: row.seq, reason: 'modified', message: `Entry #${row.seq} (${row.action}) was modified: its contents no longer match its hash.` };
      break;
    }
    if (row.redacted_by !== null) {
      const r = redactions.get(row.redacted_by);
      if (r === undefined) redactions.set(row.redacted_by, { first: row.seq, last: row.seq, count: 1 });
      else {
        r.last = row.seq;
        r.count += 1;
      }
    } else if (row.action === TOMBSTONE_ACTION) {
      const d = JSON.parse(row.details_json) as { erasureId?: unknown; redactedEntries?: unknown };
      if (typeof d.erasureId === 'string') tombstones.set(d.erasureId, { seq: row.seq, count: typeof d.redactedEntries === 'number' ? d.redactedEntries : 0 });
    }
    if (row.seq === 1) originHash = row.hash;
    if (anchor !== null && row.seq === anchor.seq) anchorSeenHash = row.hash;
    entries += 1;
    head = { seq: row.seq, hash: row.hash };
    expectedSeq += 1;
    expectedPrev = row.hash;
  }

  const walked = problem === null && broken === null;
  if (broken !== null) problem = diagnoseBrokenLink(source, broken.row, broken.selfOk);
  if (problem === null) problem = checkRedactions(redactions, tombstones);
  // A walk stopped early knows no head, so the recorded head is compared only after a complete walk.
  const anchorResult = walked ? checkAnchor(options.anchor, head, firstSeq, originHash, anchorSeenHash) : { state: 'unchecked' as const, problem: null };
  if (anchorResult.problem !== null && (problem === null || anchorResult.problem.seq < problem.seq)) problem = anchorResult.problem;
  let redactedEntries = 0;
  for (const r of redactions.values()) redactedEntries += r.count;
  return {
    ok: problem === null,
    entries,
    firstSeq,
    head,
    purgedThroughSeq,
    redactedEntries,
    anchor: {
      state: anchorResult.state,
      seq: anchor?.seq ?? null,
      hash: anchor?.hash ?? null,
      count: anchor?.count ?? null,
      updatedAt: anchor?.updatedAt ?? null,
    },
    problem,
  };
}

function diagnoseBrokenLink(source: () => Iterable<ChainRow>, row: ChainRow, selfOk: boolean): AuditProblem {
  for (const other of source()) {
    if (other.hash === row.prev_hash && other.seq !== row.seq - 1) {
      return { seq: row.seq, reason: 'reordered', message: `Entry #${row.seq} (${row.action}) is out of order: it follows entry #${other.seq} in the chain, not #${row.seq - 1}.` };
    }
  }
  if (selfOk) {
    return { seq: row.seq - 1, reason: 'modified', message: `Entry #${row.seq - 1} was replaced: entry #${row.seq} links to a different entry (${short(row.prev_hash)}…).` };
  }
  return { seq: row.seq, reason: 'modified', message: `Entry #${row.seq} (${row.action}) was modified: its link and hash no longer hold.` };
}

export function checkRedactions(
  redactions: Map<string, { first: number; last: number; count: number }>,
  tombstones: Map<string, { seq: number; count: number }>,
): AuditProblem | null {
  let worst: AuditProblem | null = null;
  for (const [erasureId, r] of redactions) {
    const tomb = tombstones.get(erasureId);
    if (tomb !== undefined && tomb.seq > r.last && r.count <= tomb.count) continue;
    if (worst === null || r.first < worst.seq) {
      worst = { seq: r.first, reason: 'unaccounted-redaction', message: `Entry #${r.first} was emptied, but no erasure tombstone accounts for it (erasure ${erasureId.slice(0, 8)}…).` };
    }
  }
  return worst;
}

export function checkAnchor(
  given: AuditAnchor | null | 'unreadable',
  head: { seq: number; hash: string } | null,
  firstSeq: number | null,
  originHash: string | null,
  anchorSeenHash: string | null,
): { state: AnchorState; problem: AuditProblem | null } {
  if (given === 'unreadable') {
    return { state: 'unreadable', problem: { seq: (head?.seq ?? 0) + 1, reason: 'anchor-unreadable', message: 'The recorded head (audit-head.json) cannot be read, so a truncated log cannot be ruled out. Check the log, then run `dihya audit reanchor --yes`.' } };
  }
  if (given === null) return { state: 'missing', problem: null };
  const lastSeq = head?.seq ?? 0;
  if (given.seq > lastSeq) {
    return {
      state: 'contradicted',
      problem: { seq: lastSeq + 1, reason: 'truncated', message: `The log ends at entry #${lastSeq}, but entry #${given.seq} (${short(given.hash)}…) was recorded: entries #${lastSeq + 1}–#${given.seq} are missing.` },
    };
  }
  if (firstSeq === null || given.seq < firstSeq) return { state: 'behind', problem: null };
  if (anchorSeenHash !== null && anchorSeenHash !== given.hash) {
    if (given.origin !== null && originHash !== null && given.origin !== originHash) {
      return { state: 'contradicted', problem: { seq: 1, reason: 'replaced', message: 'This is not the audit log that was recorded: the database was replaced or restored without re-anchoring (`dihya audit reanchor --yes`).' } };
    }
    return { state: 'contradicted', problem: { seq: given.seq, reason: 'modified', message: `Entry #${given.seq} differs from the recorded head (${short(given.hash)}…): history was rewritten up to there.` } };
  }
  if (anchorSeenHash === null) return { state: 'behind', problem: null };
  return { state: given.seq === lastSeq ? 'matches' : 'behind', problem: null };
}
