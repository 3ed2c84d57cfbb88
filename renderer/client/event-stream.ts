import { SseParser } from './sse-parser.ts';

export type FetchLike = typeof globalThis.fetch;

export interface EventStreamOptions {
  url: string;
  headers: Readonly<Record<string, string>>;
  fetch: FetchLike;
  /** Called with the `data` of every event, in order. */
  onData(data: string): void;
  /** Called with the HTTP status of every refused connection (401 when the token is wrong). */
  onRefused?(status: number): void;
  backoff: { initialMs: number; maxMs: number };
}

export interface EventStream {
  /** Settles once the first connection attempt has either opened or failed. */
  readonly ready: Promise<void>;
  close(): void;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/**
 * A long-lived `GET` of a Server-Sent Events stream over fetch (EventSource cannot send the
 * Authorization header). When the stream ends or fails it reconnects with doubling, capped delays;
 * a connection that opened resets the delay. `close()` aborts the request and any pending wait, so
 * nothing keeps running — tests under Node rely on that to exit.
 */
export function openEventStream(options: EventStreamOptions): EventStream {
  const controller = new AbortController();
  const { signal } = controller;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  async function readOnce(): Promise<{ opened: boolean; retryMs: number | undefined }> {
    const response = await options.fetch(options.url, {
      method: 'GET',
      headers: { ...options.headers, Accept: 'text/event-stream' },
      signal,
    });
    if (!response.ok || response.body === null) {
      options.onRefused?.(response.status);
      await response.body?.cancel().catch(() => undefined);
      return { opened: false, retryMs: undefined };
    }
    markReady();
    const parser = new SseParser();
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        for (const message of parser.push(decoder.decode(value, { stream: true }))) options.onData(message.data);
      }
    } finally {
      reader.releaseLock();
    }
    return { opened: true, retryMs: parser.retryMs };
  }

  async function run(): Promise<void> {
    let delay = options.backoff.initialMs;
    while (!signal.aborted) {
      let retryMs: number | undefined;
      try {
        const result = await readOnce();
        retryMs = result.retryMs;
        if (result.opened) delay = options.backoff.initialMs;
      } catch {
        // A refused connection, a dropped stream or our own abort: all end in the same retry or stop.
      }
      markReady();
      if (signal.aborted) return;
      await sleep(Math.min(retryMs ?? delay, options.backoff.maxMs), signal);
      delay = Math.min(delay * 2, options.backoff.maxMs);
    }
  }

  void run();
  return { ready, close: () => controller.abort() };
}
