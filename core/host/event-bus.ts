import type { DihyaEvent } from '../api/index.ts';
import { toDisposable, type Disposable } from '../common/index.ts';

/** Fan-out of core events to transports. A throwing listener never stops the others. */
export class EventBus {
  private readonly listeners = new Set<(event: DihyaEvent) => void>();

  subscribe(listener: (event: DihyaEvent) => void): Disposable {
    this.listeners.add(listener);
    return toDisposable(() => {
      this.listeners.delete(listener);
    });
  }

  emit(event: DihyaEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A broken subscriber (a closed window, a dropped HTTP stream) must not break the core.
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
