export interface RetentionPolicy {
  keepLast: number;
  daily: number;
  weekly: number;
  monthly: number;
}

export interface RetentionCandidate {
  id: string;
  createdAt: Date;
  /** Its latest verification passed (at creation, or by a later check). */
  verified: boolean;
}

export type RetentionReason = 'last' | 'daily' | 'weekly' | 'monthly' | 'newest-verified';

export interface RetentionPlan {
  keep: string[];
  remove: string[];
  reasons: Record<string, RetentionReason[]>;
}

/** Calendar keys in a time zone: a "day" is the user's day, not UTC's. */
function calendar(timeZone: string): (date: Date) => { day: string; week: string; month: string } {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (date) => {
    const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
    const y = Number(parts.year);
    const m = Number(parts.month);
    const d = Number(parts.day);
    // ISO week: the week (Monday first) that holds this day's Thursday names the week-year.
    const local = new Date(Date.UTC(y, m - 1, d));
    const weekday = (local.getUTCDay() + 6) % 7;
    local.setUTCDate(local.getUTCDate() - weekday + 3);
    const weekYear = local.getUTCFullYear();
    const week = Math.ceil(((local.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7);
    return { day: `${parts.year}-${parts.month}-${parts.day}`, week: `${weekYear}-W${String(week).padStart(2, '0')}`, month: `${parts.year}-${parts.month}` };
  };
}

/**
 * Grandfather-father-son retention, counted as restic does: `keepLast` keeps the newest n;
 * `daily` keeps the newest backup of each of the n most recent days that have one (likewise
 * weeks and months); the rules add up. Whatever the policy, the newest verified backup is kept,
 * so pruning can never leave nothing to restore.
 */
export function planRetention(items: readonly RetentionCandidate[], policy: RetentionPolicy, timeZone = 'UTC'): RetentionPlan {
  const keys = calendar(timeZone);
  const sorted = [...items].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const reasons: Record<string, RetentionReason[]> = {};
  const mark = (id: string, reason: RetentionReason) => {
    (reasons[id] ??= []).push(reason);
  };

  sorted.slice(0, policy.keepLast).forEach((item) => mark(item.id, 'last'));
  const buckets: [RetentionReason, number, 'day' | 'week' | 'month'][] = [
    ['daily', policy.daily, 'day'],
    ['weekly', policy.weekly, 'week'],
    ['monthly', policy.monthly, 'month'],
  ];
  const keyed = sorted.map((item) => ({ item, key: keys(item.createdAt) }));
  for (const [reason, count, unit] of buckets) {
    let previous: string | undefined;
    let kept = 0;
    for (const { item, key } of keyed) {
      if (kept >= count) break;
      if (key[unit] === previous) continue;
      previous = key[unit];
      mark(item.id, reason);
      kept += 1;
    }
  }
  const newestVerified = sorted.find((item) => item.verified);
  if (newestVerified !== undefined) mark(newestVerified.id, 'newest-verified');

  return {
    keep: sorted.filter((item) => reasons[item.id] !== undefined).map((item) => item.id),
    remove: sorted.filter((item) => reasons[item.id] === undefined).map((item) => item.id),
    reasons,
  };
}
