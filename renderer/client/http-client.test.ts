import { describe, expect, it, vi } from 'vitest';
import { AppError, type DihyaEvent } from '../../core/api/index.ts';
import type { FetchLike } from './event-stream.ts';
import { createHttpClient } from './http-client.ts';

const project = {
  id: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
  name: 'Café',
  slug: 'cafe',
  description: '',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

interface Call {
  url: string;
  init: RequestInit | undefined;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** An SSE response whose body the test writes to, chunk by chunk. */
function sseResponse(signal: AbortSignal | null | undefined): { response: Response; write(text: string): void; end(): void } {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
    write: (text) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
  };
}

describe('createHttpClient invoke', () => {
  it('POSTs the input as JSON with the bearer token and returns the JSON answer', async () => {
    const calls: Call[] = [];
    const fetch: FetchLike = async (url, init) => {
      calls.push({ url: String(url), init });
      return json(200, project);
    };
    const client = createHttpClient({ baseUrl: 'http://127.0.0.1:9/', token: 's3cret', fetch });
    expect(await client.invoke('projects.get', { id: project.id })).toEqual(project);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('http://127.0.0.1:9/api/projects.get');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(calls[0]?.init?.headers).toMatchObject({ Authorization: 'Bearer s3cret', 'Content-Type': 'application/json' });
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ id: project.id });
  });

  it('rebuilds the AppError the server sent, with its code and details', async () => {
    const fetch: FetchLike = async () =>
      json(400, { code: 'VALIDATION_FAILED', message: 'Invalid input', details: { issues: [{ path: 'name', message: 'A project needs a name.' }] } });
    const client = createHttpClient({ baseUrl: 'http://x', token: 't', fetch });
    const error = await client.invoke('projects.create', { name: ' ' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ path: 'name' }] } });
  });

  it('reports a refused token to onUnauthorized', async () => {
    const onUnauthorized = vi.fn();
    const fetch: FetchLike = async () => json(401, { code: 'UNAUTHORIZED', message: 'Missing or wrong access token' });
    const client = createHttpClient({ baseUrl: 'http://x', token: 't', fetch, onUnauthorized });
    await expect(client.invoke('app.info', {})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('says the server cannot be reached when the network fails', async () => {
    const fetch: FetchLike = async () => {
      throw new TypeError('fetch failed');
    };
    const client = createHttpClient({ baseUrl: 'http://127.0.0.1:9', token: 't', fetch });
    const error = await client.invoke('app.info', {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INTERNAL', details: { reason: 'fetch failed' } });
    expect((error as AppError).message).toContain('cannot be reached');
  });

  it('turns an unreadable answer into an INTERNAL error naming the status', async () => {
    const fetch: FetchLike = async () => new Response('<html>Bad gateway</html>', { status: 502 });
    const client = createHttpClient({ baseUrl: 'http://x', token: 't', fetch });
    await expect(client.invoke('app.info', {})).rejects.toMatchObject({ code: 'INTERNAL', details: { status: 502 } });
  });
});

describe('createHttpClient subscribe', () => {
  it('delivers valid events, skips invalid ones and reconnects when the stream ends', async () => {
    const streams: ReturnType<typeof sseResponse>[] = [];
    const headers: unknown[] = [];
    const fetch: FetchLike = async (_url, init) => {
      headers.push(init?.headers);
      const stream = sseResponse(init?.signal);
      streams.push(stream);
      return stream.response;
    };
    const client = createHttpClient({ baseUrl: 'http://x', token: 't', fetch, backoff: { initialMs: 5, maxMs: 20 } });
    const received: DihyaEvent[] = [];
    const unsubscribe = client.subscribe((event) => received.push(event));
    await vi.waitFor(() => expect(streams).toHaveLength(1));
    expect(headers[0]).toMatchObject({ Authorization: 'Bearer t', Accept: 'text/event-stream' });

    streams[0]?.write(': connected\n\nevent: project.deleted\ndata: {"type":"project.deleted","id":"a"}\n\n');
    streams[0]?.write('data: {"type":"not.an.event"}\n\ndata: not json\n\n');
    streams[0]?.write(`data: ${JSON.stringify({ type: 'project.created', project })}\n\n`);
    await vi.waitFor(() => expect(received).toHaveLength(2));
    expect(received).toEqual([{ type: 'project.deleted', id: 'a' }, { type: 'project.created', project }]);

    streams[0]?.end();
    await vi.waitFor(() => expect(streams).toHaveLength(2));
    streams[1]?.write('data: {"type":"project.deleted","id":"b"}\n\n');
    await vi.waitFor(() => expect(received).toHaveLength(3));

    unsubscribe();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(streams).toHaveLength(2);
  });

  it('shares one stream between listeners and closes it when the last one leaves', async () => {
    const signals: AbortSignal[] = [];
    const fetch: FetchLike = async (_url, init) => {
      if (init?.signal) signals.push(init.signal);
      return sseResponse(init?.signal).response;
    };
    const client = createHttpClient({ baseUrl: 'http://x', token: 't', fetch });
    const first = client.subscribe(() => undefined);
    const second = client.subscribe(() => undefined);
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    first();
    expect(signals[0]?.aborted).toBe(false);
    second();
    expect(signals[0]?.aborted).toBe(true);
  });

  it('holds a command until a connecting stream is open, so its own event is not missed', async () => {
    const order: string[] = [];
    let open: (response: Response) => void = () => undefined;
    const fetch: FetchLike = (url) => {
      if (String(url).endsWith('/api/events')) {
        order.push('events requested');
        return new Promise<Response>((resolve) => {
          open = (response) => {
            order.push('events open');
            resolve(response);
          };
        });
      }
      order.push('command sent');
      return Promise.resolve(json(200, { items: [], total: 0 }));
    };
    const client = createHttpClient({ baseUrl: 'http://x', token: 't', fetch });
    const unsubscribe = client.subscribe(() => undefined);
    const listed = client.invoke('projects.list', {});
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual(['events requested']);
    open(sseResponse(undefined).response);
    await listed;
    expect(order).toEqual(['events requested', 'events open', 'command sent']);
    unsubscribe();
  });

  it('tells onUnauthorized when the stream is refused, and keeps retrying politely', async () => {
    const onUnauthorized = vi.fn();
    let attempts = 0;
    const fetch: FetchLike = async () => {
      attempts += 1;
      return json(401, { code: 'UNAUTHORIZED', message: 'no' });
    };
    const client = createHttpClient({ baseUrl: 'http://x', token: 't', fetch, onUnauthorized, backoff: { initialMs: 5, maxMs: 10 } });
    const unsubscribe = client.subscribe(() => undefined);
    await vi.waitFor(() => expect(attempts).toBeGreaterThanOrEqual(2));
    expect(onUnauthorized).toHaveBeenCalled();
    unsubscribe();
  });
});
