import type { Disposable } from '../../common/index.ts';

/**
 * Wakes up every `intervalMs`, and when some queued remote pin is due, runs the retry command (through
 * the dispatcher, so each attempt is audited). One run at a time; a failing run waits for the next tick.
 * The timer does not keep the process alive.
 */
export function startRetryLoop(options: { intervalMs: number; hasDue: () => Promise<boolean>; retry: () => Promise<unknown>; onError?: (error: unknown) => void }): Disposable {
  let stopped = false;
  let running: Promise<void> | undefined;
  const tick = async () => {
    try {
      if (await options.hasDue()) await options.retry();
    } catch (error) {
      options.onError?.(error);
    }
  };
  const timer = setInterval(() => {
    if (stopped || running !== undefined) return;
    running = tick().finally(() => {
      running = undefined;
    });
  }, options.intervalMs);
  timer.unref();
  return {
    dispose: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
