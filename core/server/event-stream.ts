import type { ServerResponse } from 'node:http';
import type { DihyaEvent } from '../api/index.ts';
import { toDisposable, type Disposable } from '../common/index.ts';
import type { EventBus } from '../host/event-bus.ts';

const HEARTBEAT_MS = 15_000;

/**
 * Relays the core's events to one HTTP client as Server-Sent Events. The heartbeat keeps idle
 * proxies and browsers from closing the stream; the returned Disposable ends it.
 */
export function openEventStream(raw: ServerResponse, bus: EventBus, headers: Record<string, string>): Disposable {
  raw.writeHead(200, {
    ...headers,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  raw.write(': connected\n\n');
  const send = (event: DihyaEvent) => raw.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  const subscription = bus.subscribe(send);
  const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const stop = toDisposable(() => {
    clearInterval(heartbeat);
    void subscription.dispose();
    if (!raw.writableEnded) raw.end();
  });
  raw.on('close', () => void stop.dispose());
  return stop;
}
