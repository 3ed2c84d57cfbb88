import { AppError, appErrorFromSerialized, dihyaEvent } from '../../core/api/index.ts';
import type { CommandName, CommandOutput, DihyaClient, DihyaEvent, DownloadableFile } from '../../core/api/index.ts';
import { openEventStream, type EventStream, type FetchLike } from './event-stream.ts';

export interface HttpClientOptions {
  /** Where `dihya serve` listens, e.g. `http://127.0.0.1:4870` (a trailing slash is fine). */
  baseUrl: string;
  token: string;
  /** Defaults to the global fetch (browsers and Node ≥ 22). */
  fetch?: FetchLike;
  /** Called whenever the server refuses the token (it was restarted, or the link is wrong). */
  onUnauthorized?: () => void;
  /** Reconnection delays of the event stream. */
  backoff?: { initialMs: number; maxMs: number };
  /**
   * How long a command waits for an event stream that is still connecting. Without this wait a
   * caller that subscribes and then invokes could miss the command's own event, because the POST
   * may reach the server before the stream's GET does.
   */
  streamWaitMs?: number;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function parseEvent(data: string): DihyaEvent | undefined {
  const json = parseJson(data);
  if (!json.ok) return undefined;
  const parsed = dihyaEvent.safeParse(json.value);
  return parsed.success ? parsed.data : undefined;
}

async function atMost(promise: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/**
 * The DihyaClient of serve mode: commands are `POST /api/<command>` with JSON in and out, events
 * come from one shared `GET /api/events` stream, opened while anyone listens. Runs in browsers and
 * under Node (the HTTP contract tests use it), so it touches nothing but fetch and web streams.
 */
export function createHttpClient(options: HttpClientOptions): DihyaClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const authorization = `Bearer ${options.token}`;
  const listeners = new Set<(event: DihyaEvent) => void>();
  let stream: EventStream | undefined;

  function refused(status: number): void {
    if (status === 401) options.onUnauthorized?.();
  }

  function broadcast(data: string): void {
    const event = parseEvent(data);
    if (event === undefined) return;
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch {
        // One failing listener must not starve the others of events.
      }
    }
  }

  async function request(path: string, init: RequestInit, what: string): Promise<Response> {
    try {
      return await fetchImpl(`${baseUrl}${path}`, { ...init, headers: { Authorization: authorization, ...init.headers } });
    } catch (cause) {
      throw new AppError(
        'INTERNAL',
        `The Dihya server cannot be reached at ${baseUrl}. Check that \`dihya serve\` is still running.`,
        { baseUrl, what, reason: cause instanceof Error ? cause.message : String(cause) },
        { cause },
      );
    }
  }

  async function invoke<K extends CommandName>(command: K, input: unknown): Promise<CommandOutput<K>> {
    if (stream !== undefined) await atMost(stream.ready, options.streamWaitMs ?? 3_000);
    const response = await request(
      `/api/${encodeURIComponent(command)}`,
      { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(input ?? {}) },
      command,
    );
    const body = parseJson(await response.text());
    if (response.ok) {
      if (body.ok) return body.value as CommandOutput<K>;
      throw new AppError('INTERNAL', `The Dihya server answered ${command} with something that is not JSON.`, { command, status: response.status });
    }
    refused(response.status);
    if (body.ok) throw appErrorFromSerialized(body.value);
    throw new AppError('INTERNAL', `The Dihya server answered ${command} with HTTP ${response.status} and no readable error.`, { command, status: response.status });
  }

  async function download(file: DownloadableFile): Promise<Blob> {
    const response = await request(`/api/files/${encodeURIComponent(file.area)}/${encodeURIComponent(file.name)}`, { method: 'GET' }, `download ${file.name}`);
    if (response.ok) return response.blob();
    refused(response.status);
    const body = parseJson(await response.text());
    if (body.ok) throw appErrorFromSerialized(body.value);
    throw new AppError('INTERNAL', `The Dihya server answered the download of ${file.name} with HTTP ${response.status}.`, { name: file.name, status: response.status });
  }

  function subscribe(listener: (event: DihyaEvent) => void): () => void {
    listeners.add(listener);
    stream ??= openEventStream({
      url: `${baseUrl}/api/events`,
      headers: { Authorization: authorization },
      fetch: fetchImpl,
      onData: broadcast,
      onRefused: refused,
      backoff: options.backoff ?? { initialMs: 500, maxMs: 15_000 },
    });
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      listeners.delete(listener);
      if (listeners.size === 0) {
        stream?.close();
        stream = undefined;
      }
    };
  }

  return { invoke: invoke as DihyaClient['invoke'], subscribe, download };
}
