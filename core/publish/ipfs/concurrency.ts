/** Runs `task` over `items` with at most `limit` in flight; the first failure stops new starts and is thrown. */
export async function forEachConcurrent<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected !== undefined) throw rejected.reason;
}

/**
 * An abort signal that fires when nothing happened for `idleMs`: a long but moving transfer goes
 * on, a stalled one stops. Call `touch()` on progress and `dispose()` at the end.
 */
export function idleSignal(idleMs: number): { signal: AbortSignal; touch(): void; dispose(): void } {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new DOMException(`Nothing arrived for ${idleMs} ms`, 'TimeoutError')), idleMs);
  };
  arm();
  return { signal: controller.signal, touch: arm, dispose: () => clearTimeout(timer) };
}
