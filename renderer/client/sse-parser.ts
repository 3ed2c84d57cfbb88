/** One dispatched Server-Sent Event. `event` is 'message' when the server named no type. */
export interface SseMessage {
  event: string;
  data: string;
  id: string;
}

/**
 * An incremental Server-Sent Events parser following the WHATWG "event stream interpretation":
 * lines end in CRLF, LF or CR; a blank line dispatches; lines starting with ':' are comments
 * (heartbeats); `data` lines accumulate with '\n'; an unfinished event at end of stream is dropped.
 * Feed it decoded text in whatever chunks the network delivers — a line or even a CRLF pair may be
 * split across chunks, so the parser keeps the tail between calls.
 */
export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private eventType = '';
  private started = false;
  /** A chunk ended in CR: a LF at the start of the next chunk belongs to the same line end. */
  private skipLeadingLf = false;
  /** The id field survives across events, as the spec requires for reconnection. */
  lastEventId = '';
  /** The server's `retry:` advice in milliseconds, if it gave one. */
  retryMs: number | undefined;

  push(chunk: string): SseMessage[] {
    let text = chunk;
    if (text.length === 0) return [];
    if (this.skipLeadingLf) {
      this.skipLeadingLf = false;
      if (text.startsWith('\n')) text = text.slice(1);
    }
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.startsWith('\uFEFF')) text = text.slice(1);
    }
    const buffer = this.buffer + text;
    const messages: SseMessage[] = [];
    let lineStart = 0;
    for (let i = 0; i < buffer.length; i += 1) {
      const char = buffer[i];
      if (char !== '\n' && char !== '\r') continue;
      this.processLine(buffer.slice(lineStart, i), messages);
      if (char === '\r') {
        if (i + 1 === buffer.length) this.skipLeadingLf = true;
        else if (buffer[i + 1] === '\n') i += 1;
      }
      lineStart = i + 1;
    }
    this.buffer = buffer.slice(lineStart);
    return messages;
  }

  private processLine(line: string, messages: SseMessage[]): void {
    if (line === '') {
      this.dispatch(messages);
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        this.data.push(value);
        break;
      case 'event':
        this.eventType = value;
        break;
      case 'id':
        if (!value.includes('\u0000')) this.lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retryMs = Number(value);
        break;
      default:
        // Unknown fields are ignored, so servers can add some without breaking older clients.
        break;
    }
  }

  private dispatch(messages: SseMessage[]): void {
    if (this.data.length > 0) {
      messages.push({ event: this.eventType || 'message', data: this.data.join('\n'), id: this.lastEventId });
    }
    this.data = [];
    this.eventType = '';
  }
}
