import { hash } from 'node:crypto';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import { AuditRangeHelper, DONE, FAILED, NEXT, STATE } from './audit-range-helper.ts';
import { RANGE_SQL, walkAuditRange, type RangeFacts, type RawAuditRow } from './audit-range-walk.ts';

/** The ranges of one walk: `min`..`max` cut into ranges of `size` entries. */
export interface RangePlan {
  min: number;
  max: number;
  size: number;
  anchorSeq: number;
  /** How a tombstone entry's header text starts. */
  tombstonePrefix: string;
}

export interface RangeRun {
  /** One per range, in seq order; null where the range does not hold as it is. */
  facts: (RangeFacts | null)[];
  /** How many ranges the helper thread walked (the rest were walked here). */
  byHelper: number;
}

/** How long the helper may go without finishing a range before this thread walks what it took. */
const HELPER_GRACE_MS = 10_000;

function rangeOf(plan: RangePlan, i: number): [number, number] {
  const lo = plan.min + i * plan.size;
  return [lo, Math.min(lo + plan.size - 1, plan.max)];
}

/**
 * Walks every range of `plan`, on this thread and, when `helper` is set, on one helper thread
 * with its own read-only connection to the same file. Both take the next range from a shared
 * counter, so neither waits for the other: while the helper starts (tens of milliseconds, more on
 * a busy machine) this thread is already walking, and if it never starts or fails, this thread
 * walks every range. Synchronous on purpose (the caller answers synchronously): the wait for the
 * helper's last range is an `Atomics.wait`, its results are read with `receiveMessageOnPort`.
 *
 * The helper reads through another connection, so it may see later commits than this thread. That
 * can only make a range look broken (an append is outside `min`..`max`; a purge or an erasure that
 * lands in between breaks a link or a count), never make a broken one hold: callers send any
 * range that does not hold to the exact walk, which reads everything through one connection.
 */
export function runAuditRanges(
  sqlite: BetterSqlite3.Database,
  plan: RangePlan,
  helper: { file: string; leaveAllToHelper?: boolean; thread?: AuditRangeHelper | undefined } | null,
): RangeRun {
  const count = Math.ceil((plan.max - plan.min + 1) / plan.size);
  const facts: (RangeFacts | null | undefined)[] = new Array<RangeFacts | null | undefined>(count).fill(undefined);
  const state = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  const channel = helper === null ? null : new MessageChannel();
  // A helper thread of the caller's (kept warm between walks) or one for this walk only.
  const thread = helper === null ? null : (helper.thread ?? new AuditRangeHelper({ idleMs: 0 }));
  if (helper !== null && thread !== null && channel !== null) {
    thread.walk({ file: helper.file, plan, shared: state.buffer as SharedArrayBuffer, port: channel.port2 });
  }
  try {
    const page = sqlite.prepare(RANGE_SQL).raw(true);
    const walkHere = (i: number): RangeFacts | null => {
      const [lo, hi] = rangeOf(plan, i);
      try {
        return walkAuditRange(page.all(lo, hi) as RawAuditRow[], lo, hi, plan.anchorSeq, plan.tombstonePrefix, hash);
      } catch {
        // A tombstone whose content is not JSON (only a hand edit makes one), or a BLOB put in by hand.
        return null;
      }
    };
    let broken = false;
    // Tests only: this thread walks nothing unless the helper fails, so the helper's walk is the one tested.
    while (helper?.leaveAllToHelper !== true) {
      const i = Atomics.add(state, NEXT, 1);
      if (i >= count) break;
      const result = walkHere(i);
      facts[i] = result;
      if (result === null) {
        // No point going on: the exact walk takes over. Stop the helper taking more.
        Atomics.store(state, NEXT, count);
        broken = true;
        break;
      }
    }
    let byHelper = 0;
    if (channel !== null && helper !== null && !broken) {
      const collect = (): boolean => {
        let got = false;
        for (let m = receiveMessageOnPort(channel.port1); m !== undefined; m = receiveMessageOnPort(channel.port1)) {
          const { i, facts: f } = m.message as { i: number; facts: RangeFacts | null };
          facts[i] = f;
          byHelper += 1;
          got = true;
        }
        return got;
      };
      let until = performance.now() + HELPER_GRACE_MS;
      for (;;) {
        const seen = Atomics.load(state, DONE);
        if (collect()) until = performance.now() + HELPER_GRACE_MS;
        if (!facts.includes(undefined)) break;
        // The helper holds at most one range now. Walking it here costs one range; waiting for it
        // costs as long as the helper takes, which on a busy machine can be much longer. Only the
        // tests' leave-all-to-the-helper mode waits (still not for a helper that failed or hangs).
        if (helper.leaveAllToHelper !== true || Atomics.load(state, STATE) === FAILED || performance.now() > until) {
          for (let i = 0; i < count; i += 1) if (facts[i] === undefined) facts[i] = walkHere(i);
          break;
        }
        Atomics.wait(state, DONE, seen, 50);
      }
    }
    return { facts: facts.map((f) => f ?? null), byHelper };
  } finally {
    if (helper !== null && helper.thread === undefined) thread?.dispose();
    channel?.port1.close();
  }
}
