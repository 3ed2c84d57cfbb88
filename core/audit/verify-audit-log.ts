import { availableParallelism, loadavg } from 'node:os';
import type BetterSqlite3 from 'better-sqlite3';
import { GENESIS_HASH } from './audit-hash.ts';
import { readAuditAnchor, type AuditAnchor } from './audit-head.ts';
import type { AuditRangeHelper } from './audit-range-helper.ts';
import { runAuditRanges } from './audit-range-runner.ts';
import { auditTableIsCurrent } from './audit-table.ts';
import { CHECKPOINT_ACTION, TOMBSTONE_ACTION, checkAnchor, checkRedactions, parseCheckpoint, scanAuditChain, type AuditCheck, type AuditRow, type Checkpoint } from './audit-verify.ts';

const PAGE = 5_000;
const PAGE_SQL = 'select seq, at, actor, action, subject, details_json, prev_hash, hash, content_hash, salt, redacted_by from audit_log where seq > ? order by seq limit ?';
type RawRow = [number, string, string, string, string | null, string, string, string, string | null, string | null, string | null];
const [SEQ, AT, ACTOR, ACTION, SUBJECT, DETAILS, PREV, HASH, CONTENT, SALT, REDACTED] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** Pages of raw arrays: `all()` on a keyset page costs less per row than `iterate()` and bounds memory. */
function* pages(sqlite: BetterSqlite3.Database): Generator<RawRow[]> {
  const page = sqlite.prepare(PAGE_SQL).raw(true);
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const rows = page.all(after, PAGE) as RawRow[];
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE) return;
    after = (rows[rows.length - 1] as RawRow)[SEQ];
  }
}

function* rows(sqlite: BetterSqlite3.Database): Generator<AuditRow> {
  for (const page of pages(sqlite)) {
    for (const r of page) yield { seq: r[SEQ], at: r[AT], actor: r[ACTOR], action: r[ACTION], subject: r[SUBJECT], details_json: r[DETAILS], prev_hash: r[PREV], hash: r[HASH], content_hash: r[CONTENT], salt: r[SALT], redacted_by: r[REDACTED] };
  }
}

/** Entries per range; the helper thread and this one take ranges one at a time. */
const RANGE_SIZE = 2_500;
/** Below this many entries a helper thread costs more to start than it saves. */
const HELPER_MIN_ENTRIES = 20_000;

/**
 * A helper thread pays off only on a core nobody else wants: on a saturated machine its start
 * (tens of milliseconds) and its cold code slow this thread down more than its ranges save
 * (bench/audit.bench.ts measures both ways). Fewer runnable threads than cores on average (this
 * process included) means one is mostly idle. Windows reports no load average (zeros): there the
 * helper always runs.
 */
function coreIsIdle(): boolean {
  const cores = availableParallelism();
  return cores > 1 && (loadavg()[0] ?? 0) < cores;
}

export interface VerifyOptions {
  /** Let a helper thread walk part of the log (default: when the log is long, on file, and a core is idle). */
  helper?: boolean;
  /** A helper thread kept between verifications by a long-lived process (default: one for this verification only). */
  thread?: AuditRangeHelper;
  /** Tests: leave every range to the helper (this thread still walks them if it fails). */
  leaveAllToHelper?: boolean;
  /** Tests: how many ranges the helper walked. */
  onRun?: (run: { ranges: number; byHelper: number }) => void;
}

/**
 * The fast walk over an intact v2 log, range by range (see audit-range-walk.ts), the ranges then
 * stitched: each range's first link must be the previous range's last hash. It answers only
 * "holds" (an AuditCheck) or "not sure" (null): anything unexpected goes to the exact walk, which
 * names the entry and the reason.
 */
function fastWalk(sqlite: BetterSqlite3.Database, checkpoint: Checkpoint | null, anchor: AuditAnchor | null | 'unreadable', options: VerifyOptions): AuditCheck | null {
  // Read after the anchor: the anchor is written after its commit, so the table reaches at least as far.
  const [min, max] = sqlite.prepare('select min(seq), max(seq) from audit_log').raw(true).get() as [number | null, number | null];
  if (min === null || max === null) return null;
  let purgedThroughSeq = 0;
  let prev = GENESIS_HASH;
  if (min !== 1) {
    if (checkpoint === null || checkpoint.throughSeq + 1 !== min) return null;
    prev = checkpoint.throughHash;
    purgedThroughSeq = checkpoint.throughSeq;
  }
  const known = anchor !== null && anchor !== 'unreadable' ? anchor : null;
  const entries = max - min + 1;
  // The helper's connection sees only what is committed: inside a transaction, walk alone.
  const onFile = !sqlite.memory && !sqlite.inTransaction && sqlite.name !== '';
  const helper = onFile && (options.helper ?? (entries >= HELPER_MIN_ENTRIES && coreIsIdle()));
  const plan = { min, max, size: RANGE_SIZE, anchorSeq: known?.seq ?? -1, tombstonePrefix: `{"action":${JSON.stringify(TOMBSTONE_ACTION)},` };
  const run = runAuditRanges(sqlite, plan, helper ? { file: sqlite.name, leaveAllToHelper: options.leaveAllToHelper === true, thread: options.thread } : null);
  options.onRun?.({ ranges: run.facts.length, byHelper: run.byHelper });

  let originHash: string | null = null;
  let anchorSeenHash: string | null = null;
  const redactions = new Map<string, { first: number; last: number; count: number }>();
  const tombstones = new Map<string, { seq: number; count: number }>();
  for (const range of run.facts) {
    if (range === null || range.firstPrev !== prev) return null;
    prev = range.lastHash;
    originHash ??= range.originHash;
    anchorSeenHash ??= range.anchorHash;
    for (const [erasureId, first, last, count] of range.redactions) {
      const r = redactions.get(erasureId);
      if (r === undefined) redactions.set(erasureId, { first, last, count });
      else {
        r.last = last;
        r.count += count;
      }
    }
    for (const [erasureId, seq, count] of range.tombstones) tombstones.set(erasureId, { seq, count });
  }
  const head = { seq: max, hash: prev };
  let problem = checkRedactions(redactions, tombstones);
  const anchorResult = checkAnchor(anchor, head, min, originHash, anchorSeenHash);
  if (anchorResult.problem !== null && (problem === null || anchorResult.problem.seq < problem.seq)) problem = anchorResult.problem;
  let redactedEntries = 0;
  for (const r of redactions.values()) redactedEntries += r.count;
  return {
    ok: problem === null,
    entries,
    firstSeq: min,
    head,
    purgedThroughSeq,
    redactedEntries,
    anchor: { state: anchorResult.state, seq: known?.seq ?? null, hash: known?.hash ?? null, count: known?.count ?? null, updatedAt: known?.updatedAt ?? null },
    problem,
  };
}

function latestCheckpoint(sqlite: BetterSqlite3.Database): Checkpoint | null {
  const json = sqlite.prepare('select details_json from audit_log where action = ? order by seq desc limit 1').pluck().get(CHECKPOINT_ACTION) as string | undefined;
  return json === undefined ? null : parseCheckpoint(json);
}

/**
 * Verifies the stored log against itself and against the recorded head (audit-head.json), and
 * names the first entry that does not hold. bench/audit.bench.ts compares it with hashing the
 * same bytes; `scanAuditChain` stays the reference the fast walk must agree with (tests check it).
 */
export function verifyAuditLog(sqlite: BetterSqlite3.Database, dataDir: string, options: VerifyOptions = {}): AuditCheck {
  const anchor = readAuditAnchor(dataDir);
  const checkpoint = latestCheckpoint(sqlite);
  // The fast walk hashes the stored texts, which say what the columns hold only in the table as Dihya defines it.
  const fast = auditTableIsCurrent(sqlite) ? fastWalk(sqlite, checkpoint, anchor, options) : null;
  if (fast !== null) return fast;
  const check = scanAuditChain(() => rows(sqlite), { checkpoint, anchor });
  if (!check.ok) check.entries = sqlite.prepare('select count(*) from audit_log').pluck().get() as number;
  return check;
}

/** The exact walk alone, for tests that hold the fast walk to it. */
export function verifyAuditLogExactly(sqlite: BetterSqlite3.Database, dataDir: string): AuditCheck {
  return scanAuditChain(() => rows(sqlite), { checkpoint: latestCheckpoint(sqlite), anchor: readAuditAnchor(dataDir) });
}
