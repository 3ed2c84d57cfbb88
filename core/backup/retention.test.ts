import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planRetention, type RetentionCandidate, type RetentionPolicy } from './retention.ts';

/**
 * The reference model, written the slow obvious way: for each rule, group every backup by its
 * calendar bucket, keep the newest of each bucket, and take the newest n buckets.
 */
function referenceKeep(items: readonly RetentionCandidate[], policy: RetentionPolicy): Set<string> {
  const newestFirst = [...items].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
  const keep = new Set(newestFirst.slice(0, policy.keepLast).map((i) => i.id));
  const isoWeek = (d: Date) => {
    const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
    t.setUTCDate(t.getUTCDate() + 4 - (t.getUTCDay() || 7));
    const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
    return `${t.getUTCFullYear()}-${Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7)}`;
  };
  const rules: [number, (d: Date) => string][] = [
    [policy.daily, (d) => d.toISOString().slice(0, 10)],
    [policy.weekly, isoWeek],
    [policy.monthly, (d) => d.toISOString().slice(0, 7)],
  ];
  for (const [count, bucketOf] of rules) {
    const newestPerBucket = new Map<string, RetentionCandidate>();
    for (const item of newestFirst) if (!newestPerBucket.has(bucketOf(item.createdAt))) newestPerBucket.set(bucketOf(item.createdAt), item);
    [...newestPerBucket.values()].slice(0, count).forEach((item) => keep.add(item.id));
  }
  const newestVerified = newestFirst.find((i) => i.verified);
  if (newestVerified) keep.add(newestVerified.id);
  return keep;
}

const START = Date.UTC(2024, 0, 1);
const timeline = fc
  .array(
    fc.record({
      // Clusters (several backups a day) and gaps (weeks without any), over about three years.
      offsetMinutes: fc.oneof(fc.integer({ min: 0, max: 3 * 365 * 1440 }), fc.integer({ min: 0, max: 20 * 1440 })),
      verified: fc.boolean(),
    }),
    { maxLength: 120 },
  )
  .map((raw) => raw.map((r, i) => ({ id: `b${String(i).padStart(3, '0')}`, createdAt: new Date(START + r.offsetMinutes * 60_000), verified: r.verified })));
const policy = fc.record({ keepLast: fc.integer({ min: 0, max: 10 }), daily: fc.integer({ min: 0, max: 14 }), weekly: fc.integer({ min: 0, max: 8 }), monthly: fc.integer({ min: 0, max: 24 }) });

describe('GFS retention', () => {
  it('keeps exactly what the reference model keeps, over many random timelines', () => {
    fc.assert(
      fc.property(timeline, policy, (items, p) => {
        const plan = planRetention(items, p);
        expect(new Set(plan.keep)).toEqual(referenceKeep(items, p));
      }),
      { numRuns: 1_000 },
    );
  });

  it('never deletes the newest verified backup, and partitions every backup into kept or removed', () => {
    fc.assert(
      fc.property(timeline, policy, (items, p) => {
        const plan = planRetention(items, p);
        expect([...plan.keep, ...plan.remove].sort()).toEqual(items.map((i) => i.id).sort());
        const newestVerified = [...items].filter((i) => i.verified).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))[0];
        if (newestVerified) expect(plan.keep).toContain(newestVerified.id);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps more (never fewer) backups when any count grows', () => {
    fc.assert(
      fc.property(timeline, policy, fc.constantFrom('keepLast', 'daily', 'weekly', 'monthly'), (items, p, rule: keyof RetentionPolicy) => {
        const before = new Set(planRetention(items, p).keep);
        const after = new Set(planRetention(items, { ...p, [rule]: p[rule] + 1 }).keep);
        for (const id of before) expect(after.has(id)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('counts days in the user\'s time zone', () => {
    // 23:30 and 00:30 UTC are the same day in Los Angeles, two days in UTC.
    const items = [
      { id: 'late', createdAt: new Date('2026-03-10T23:30:00Z'), verified: true },
      { id: 'early', createdAt: new Date('2026-03-11T00:30:00Z'), verified: true },
    ];
    const daily = { keepLast: 0, daily: 2, weekly: 0, monthly: 0 };
    expect(planRetention(items, daily, 'UTC').keep.sort()).toEqual(['early', 'late']);
    expect(planRetention(items, daily, 'America/Los_Angeles').keep).toEqual(['early']);
  });

  it('keeps the newest verified backup even when a policy of zeros would delete everything', () => {
    const items = [
      { id: 'new-damaged', createdAt: new Date('2026-03-12T00:00:00Z'), verified: false },
      { id: 'good', createdAt: new Date('2026-03-11T00:00:00Z'), verified: true },
      { id: 'old', createdAt: new Date('2026-03-10T00:00:00Z'), verified: true },
    ];
    const plan = planRetention(items, { keepLast: 0, daily: 0, weekly: 0, monthly: 0 });
    expect(plan.keep).toEqual(['good']);
    expect(plan.reasons.good).toEqual(['newest-verified']);
    expect(plan.remove).toEqual(['new-damaged', 'old']);
  });
});
