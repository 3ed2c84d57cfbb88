import { hash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { GENESIS_HASH } from './audit-hash.ts';
import { readAuditAnchor, type AuditAnchor } from './audit-head.ts';
import { CHECKPOINT_ACTION, TOMBSTONE_ACTION, checkAnchor, checkRedactions, parseCheckpoint, scanAuditChain, type AuditCheck, type AuditRow, type Checkpoint } from './audit-verify.ts';

const PAGE = 5_000;
const PAGE_SQL = 'select seq, at, actor, action, subject, details_json, prev_hash, hash, content_hash, salt, redacted_by from audit_log where seq > ? order by seq limit ?';
type RawRow = [number, string, string, string, string | null, string, string, string, string | null, string | null, string | null];
const [SEQ, AT, ACTOR, ACTION, SUBJECT, DETAILS, PREV, HASH, CONTENT, SALT, REDACTED] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
const q = JSON.stringify;

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

/**
 * The fast walk over an intact v2 log: no object per row, the canonical texts built by
 * concatenation (hashes are hex, so quoting them needs no escaping), one hash call per text. It
 * answers only "holds" (an AuditCheck) or "not sure" (null): anything unexpected — a broken link,
 * a mismatch, a legacy entry — goes to the exact walk, which names the entry and the reason.
 */
function fastWalk(sqlite: BetterSqlite3.Database, checkpoint: Checkpoint | null, anchor: AuditAnchor | null | 'unreadable'): AuditCheck | null {
  const anchorSeq = anchor !== null && anchor !== 'unreadable' ? anchor.seq : -1;
  let expectedSeq = 0;
  let prev = GENESIS_HASH;
  let firstSeq: number | null = null;
  let purgedThroughSeq = 0;
  let entries = 0;
  let anchorSeenHash: string | null = null;
  let originHash: string | null = null;
  const redactions = new Map<string, { first: number; last: number; count: number }>();
  const tombstones = new Map<string, { seq: number; count: number }>();
  for (const page of pages(sqlite)) {
    for (const r of page) {
      const seq = r[SEQ];
      if (firstSeq === null) {
        firstSeq = seq;
        if (seq !== 1) {
          if (checkpoint === null || checkpoint.throughSeq + 1 !== seq) return null;
          prev = checkpoint.throughHash;
          purgedThroughSeq = checkpoint.throughSeq;
        }
        expectedSeq = seq;
      }
      const contentHash = r[CONTENT];
      if (seq !== expectedSeq || r[PREV] !== prev || contentHash === null) return null;
      const redactedBy = r[REDACTED];
      if (redactedBy === null) {
        if (r[SALT] === null || hash('sha256', `{"details":${r[DETAILS]},"salt":"${r[SALT]}","subject":${q(r[SUBJECT])}}`, 'hex') !== contentHash) return null;
        if (r[ACTION] === TOMBSTONE_ACTION) {
          const d = JSON.parse(r[DETAILS]) as { erasureId?: unknown; redactedEntries?: unknown };
          if (typeof d.erasureId === 'string') tombstones.set(d.erasureId, { seq, count: typeof d.redactedEntries === 'number' ? d.redactedEntries : 0 });
        }
      } else {
        if (r[SUBJECT] !== null || r[SALT] !== null || r[DETAILS] !== '{}') return null;
        const known = redactions.get(redactedBy);
        if (known === undefined) redactions.set(redactedBy, { first: seq, last: seq, count: 1 });
        else {
          known.last = seq;
          known.count += 1;
        }
      }
      const entryHash = r[HASH];
      if (hash('sha256', `{"action":${q(r[ACTION])},"actor":${q(r[ACTOR])},"at":${q(r[AT])},"content":"${contentHash}","prev":"${prev}","seq":${seq},"v":2}`, 'hex') !== entryHash) return null;
      if (seq === 1) originHash = entryHash;
      if (seq === anchorSeq) anchorSeenHash = entryHash;
      prev = entryHash;
      expectedSeq += 1;
      entries += 1;
    }
  }
  const head = firstSeq === null ? null : { seq: expectedSeq - 1, hash: prev };
  let problem = checkRedactions(redactions, tombstones);
  const anchorResult = checkAnchor(anchor, head, firstSeq, originHash, anchorSeenHash);
  if (anchorResult.problem !== null && (problem === null || anchorResult.problem.seq < problem.seq)) problem = anchorResult.problem;
  let redactedEntries = 0;
  for (const r of redactions.values()) redactedEntries += r.count;
  const known = anchor !== null && anchor !== 'unreadable' ? anchor : null;
  return {
    ok: problem === null,
    entries,
    firstSeq,
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
export function verifyAuditLog(sqlite: BetterSqlite3.Database, dataDir: string): AuditCheck {
  const checkpoint = latestCheckpoint(sqlite);
  const anchor = readAuditAnchor(dataDir);
  const fast = fastWalk(sqlite, checkpoint, anchor);
  if (fast !== null) return fast;
  const check = scanAuditChain(() => rows(sqlite), { checkpoint, anchor });
  if (!check.ok) check.entries = sqlite.prepare('select count(*) from audit_log').pluck().get() as number;
  return check;
}

/** The exact walk alone, for tests that hold the fast walk to it. */
export function verifyAuditLogExactly(sqlite: BetterSqlite3.Database, dataDir: string): AuditCheck {
  return scanAuditChain(() => rows(sqlite), { checkpoint: latestCheckpoint(sqlite), anchor: readAuditAnchor(dataDir) });
}
