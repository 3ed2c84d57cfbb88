/** One stored entry as `RANGE_SQL` returns it in raw mode. */
export type RawAuditRow = [seq: number, header_text: string | null, content_text: string | null, hash: string | null, redacted_by: string | null];

/** Only the stored texts and hashes: every other column is read out of them (audit-table.ts). */
export const RANGE_SQL = 'select seq, header_text, content_text, hash, redacted_by from audit_log where seq between ? and ? order by seq';

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
 *
 * A v2 header ends `"content":"<64 hex>","prev":"<64 hex>","seq":N,"v":2}` (audit-hash.ts), so the
 * links are compared in place, from the end, without parsing or copying (bench/audit.bench.ts): the stored `prev` must be
 * the previous entry's hash, the stored `content` the hash of the content text. The hash of the
 * whole header covers the rest. `tombstonePrefix` is how a tombstone's header starts.
 */
export function walkAuditRange(rows: readonly RawAuditRow[], lo: number, hi: number, anchorSeq: number, tombstonePrefix: string, hash: HashHex): RangeFacts | null {
  if (rows.length !== hi - lo + 1 || rows.length === 0) return null;
  const redactions = new Map<string, [string, number, number, number]>();
  const tombstones: [string, number, number][] = [];
  let originHash: string | null = null;
  let anchorHash: string | null = null;
  let firstPrev: string | null = null;
  let prev = '';
  let expectedSeq = lo;
  const [QUOTE, COMMA, COLON] = [34, 44, 58];
  for (const r of rows) {
    const seq = r[0];
    const header = r[1];
    const entryHash = r[3];
    if (seq !== expectedSeq || header === null || entryHash === null) return null;
    // `,"seq":<seq>,"v":2}` ends the header: read the digits in place rather than build the text per row.
    if (!header.endsWith(',"v":2}')) return null;
    let end = header.length - 7;
    let stated = 0;
    for (let unit = 1; end > 0; unit *= 10, end -= 1) {
      const c = header.charCodeAt(end - 1);
      if (c < 48 || c > 57) break;
      stated += (c - 48) * unit;
    }
    // Before the digits, `,"seq":`; the texts are authenticated by their hashes, so the layout
    // checks only make sure the places read below are the ones that hold the two hashes.
    if (stated !== seq || header.charCodeAt(end - 1) !== COLON || header.charCodeAt(end - 7) !== COMMA) return null;
    end -= 7;
    // `"content":"<64>","prev":"<64>"` ends at `end`: quotes at end-1, end-66, end-75, end-140.
    if (end < 150 || header.charCodeAt(end - 1) !== QUOTE || header.charCodeAt(end - 66) !== QUOTE || header.charCodeAt(end - 75) !== QUOTE || header.charCodeAt(end - 140) !== QUOTE) return null;
    if (firstPrev === null) {
      // Later links are hashes this walk checked; the first one is only text from the table.
      firstPrev = header.slice(end - 65, end - 1);
      if (!/^[0-9a-f]{64}$/.test(firstPrev)) return null;
    } else if (header.slice(end - 65, end - 1) !== prev) {
      // A 64-character slice compared with === costs a third of a startsWith at a position.
      return null;
    }
    const content = r[2];
    const redactedBy = r[4];
    if (redactedBy === null) {
      if (content === null || header.slice(end - 139, end - 75) !== hash('sha256', content, 'hex')) return null;
      if (header.slice(0, tombstonePrefix.length) === tombstonePrefix) {
        const d = (JSON.parse(content) as { details?: { erasureId?: unknown; redactedEntries?: unknown } }).details ?? {};
        if (typeof d.erasureId === 'string') tombstones.push([d.erasureId, seq, typeof d.redactedEntries === 'number' ? d.redactedEntries : 0]);
      }
    } else {
      if (content !== null) return null;
      const known = redactions.get(redactedBy);
      if (known === undefined) redactions.set(redactedBy, [redactedBy, seq, seq, 1]);
      else {
        known[2] = seq;
        known[3] += 1;
      }
    }
    if (hash('sha256', header, 'hex') !== entryHash) return null;
    if (seq === 1) originHash = entryHash;
    if (seq === anchorSeq) anchorHash = entryHash;
    prev = entryHash;
    expectedSeq += 1;
  }
  return { firstPrev: firstPrev ?? '', lastHash: prev, originHash, anchorHash, redactions: [...redactions.values()], tombstones };
}
