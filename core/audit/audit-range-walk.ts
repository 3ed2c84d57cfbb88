/** One stored entry as `RANGE_SQL` returns it in raw mode. */
export type RawAuditRow = [
  seq: number, at: string, actor: string, action: string, subject: string | null, details_json: string,
  prev_hash: string, hash: string, content_hash: string | null, salt: string | null, redacted_by: string | null,
];

export const RANGE_SQL = 'select seq, at, actor, action, subject, details_json, prev_hash, hash, content_hash, salt, redacted_by from audit_log where seq between ? and ? order by seq';

/** What one range of a holding chain tells the walk that stitches the ranges together. */
export interface RangeFacts {
  /** The `prev_hash` of the range's first entry: it must be the previous range's `lastHash`. */
  firstPrev: string;
  lastHash: string;
  /** Hash of entry #1 and of the recorded head's entry, when they are in this range. */
  originHash: string | null;
  anchorHash: string | null;
  /** Per erasure id, in seq order: [erasureId, first seq, last seq, count]. */
  redactions: [string, number, number, number][];
  /** [erasureId, tombstone seq, entries it says it emptied]. */
  tombstones: [string, number, number][];
}

export type HashHex = (algorithm: string, data: string, outputEncoding: 'hex') => string;

/**
 * Checks the v2 entries `lo`..`hi` (all of them, in order, none missing) against their own hashes
 * and against each other. It answers "holds" (the facts the stitching needs) or "not sure" (null):
 * anything unexpected — a gap, a broken link, a mismatch, a legacy entry — is for the exact walk
 * to name.
 *
 * It runs on the caller's thread and, as source text (`String(walkAuditRange)`), in the helper
 * thread, so it must stay self-contained: no imports, no module-level names; `hash` comes in.
 * The canonical texts are built by concatenation exactly as audit-hash.ts writes them, one hash
 * call per text, no object per row. Only values this walk has checked to be hex go in unquoted:
 * a salt taken raw would let a forger move text between `details_json` and `salt` and keep the
 * content hash (the exact walk, which quotes it, would then disagree).
 */
export function walkAuditRange(rows: readonly RawAuditRow[], lo: number, hi: number, anchorSeq: number, tombstoneAction: string, hash: HashHex): RangeFacts | null {
  if (rows.length !== hi - lo + 1 || rows.length === 0) return null;
  const q = JSON.stringify;
  // Later links are hashes this walk computed; the first one is only text from the table.
  if (!/^[0-9a-f]{64}$/.test(rows[0]![6])) return null;
  const redactions = new Map<string, [string, number, number, number]>();
  const tombstones: [string, number, number][] = [];
  let originHash: string | null = null;
  let anchorHash: string | null = null;
  const firstPrev = rows[0]![6];
  let prev = firstPrev;
  let expectedSeq = lo;
  // Most entries repeat the previous entry's action and actor: quote those once.
  let action = '';
  let actor = '';
  let quotedAction = '""';
  let quotedActor = '""';
  for (const r of rows) {
    const seq = r[0];
    const contentHash = r[8];
    if (seq !== expectedSeq || r[6] !== prev || contentHash === null) return null;
    const redactedBy = r[10];
    if (redactedBy === null) {
      if (r[9] === null || hash('sha256', `{"details":${r[5]},"salt":${q(r[9])},"subject":${q(r[4])}}`, 'hex') !== contentHash) return null;
      if (r[3] === tombstoneAction) {
        const d = JSON.parse(r[5]) as { erasureId?: unknown; redactedEntries?: unknown };
        if (typeof d.erasureId === 'string') tombstones.push([d.erasureId, seq, typeof d.redactedEntries === 'number' ? d.redactedEntries : 0]);
      }
    } else {
      if (r[4] !== null || r[9] !== null || r[5] !== '{}') return null;
      const known = redactions.get(redactedBy);
      if (known === undefined) redactions.set(redactedBy, [redactedBy, seq, seq, 1]);
      else {
        known[2] = seq;
        known[3] += 1;
      }
    }
    if (r[3] !== action) {
      action = r[3];
      quotedAction = q(action);
    }
    if (r[2] !== actor) {
      actor = r[2];
      quotedActor = q(actor);
    }
    const entryHash = r[7];
    if (hash('sha256', `{"action":${quotedAction},"actor":${quotedActor},"at":${q(r[1])},"content":"${contentHash}","prev":"${prev}","seq":${seq},"v":2}`, 'hex') !== entryHash) return null;
    if (seq === 1) originHash = entryHash;
    if (seq === anchorSeq) anchorHash = entryHash;
    prev = entryHash;
    expectedSeq += 1;
  }
  return { firstPrev, lastHash: prev, originHash, anchorHash, redactions: [...redactions.values()], tombstones };
}
