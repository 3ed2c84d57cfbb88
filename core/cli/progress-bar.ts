/** `Rendering files [##########----------]  50/100` — pure, so it is testable without a terminal. */
export function formatProgress(label: string, done: number, total: number, width = 24): string {
  const ratio = total === 0 ? 1 : Math.min(1, Math.max(0, done / total));
  const filled = Math.round(ratio * width);
  const count = String(total).length;
  return `${label.padEnd(16)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(done).padStart(count)}/${total}`;
}

export interface ProgressPrinter {
  update(label: string, done: number, total: number): void;
  end(): void;
}

/**
 * Redraws one line in place on a terminal; prints nothing when the output is piped or --json is
 * on, so scripts and logs only see the final result.
 */
export function createProgressPrinter(stream: { isTTY?: boolean; write(text: string): unknown }, enabled: boolean): ProgressPrinter {
  const live = enabled && stream.isTTY === true;
  let drawn = false;
  return {
    update(label, done, total) {
      if (!live) return;
      stream.write(`\r${formatProgress(label, done, total)}`);
      drawn = true;
    },
    end() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}
