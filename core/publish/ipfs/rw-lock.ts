/**
 * Many readers or one writer, served in arrival order. Imports, gets and exports share the node;
 * garbage collection and online/offline switches need it alone (a GC running during an import
 * would delete the blocks the import has written but not yet pinned).
 */
export class RwLock {
  private readers = 0;
  private writer = false;
  private readonly queue: { exclusive: boolean; wake: () => void }[] = [];

  async shared<T>(run: () => Promise<T>): Promise<T> {
    await this.acquire(false);
    try {
      return await run();
    } finally {
      this.readers -= 1;
      this.pump();
    }
  }

  async exclusive<T>(run: () => Promise<T>): Promise<T> {
    await this.acquire(true);
    try {
      return await run();
    } finally {
      this.writer = false;
      this.pump();
    }
  }

  private acquire(exclusive: boolean): Promise<void> {
    return new Promise((wake) => {
      this.queue.push({ exclusive, wake });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.writer) {
      const next = this.queue[0] as { exclusive: boolean; wake: () => void };
      if (next.exclusive) {
        if (this.readers > 0) return;
        this.writer = true;
      } else {
        this.readers += 1;
      }
      this.queue.shift();
      next.wake();
    }
  }
}
