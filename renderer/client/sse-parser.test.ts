import { describe, expect, it } from 'vitest';
import { SseParser } from './sse-parser.ts';

function parseAll(chunks: string[]): ReturnType<SseParser['push']> {
  const parser = new SseParser();
  return chunks.flatMap((chunk) => parser.push(chunk));
}

describe('SseParser', () => {
  it('dispatches an event at the blank line, with its type and data', () => {
    expect(parseAll(['event: project.created\ndata: {"a":1}\n\n'])).toEqual([{ event: 'project.created', data: '{"a":1}', id: '' }]);
  });

  it("names an untyped event 'message' and strips only one space after the colon", () => {
    expect(parseAll(['data:  two spaces\n\n', 'data:none\n\n'])).toEqual([
      { event: 'message', data: ' two spaces', id: '' },
      { event: 'message', data: 'none', id: '' },
    ]);
  });

  it('ignores comments and heartbeats, and blank lines without data', () => {
    expect(parseAll([': connected\n\n', ': keep-alive\n\n', '\n\n', 'data: x\n\n'])).toEqual([{ event: 'message', data: 'x', id: '' }]);
  });

  it('joins several data lines with a newline', () => {
    expect(parseAll(['data: first\ndata: second\ndata\n\n'])).toEqual([{ event: 'message', data: 'first\nsecond\n', id: '' }]);
  });

  it('accepts CRLF, CR and LF line ends, even a CRLF split across chunks', () => {
    expect(parseAll(['data: a\r\n\r\n', 'data: b\r\r', 'data: c\r', '\n\r', '\ndata: d\n\n'])).toEqual([
      { event: 'message', data: 'a', id: '' },
      { event: 'message', data: 'b', id: '' },
      { event: 'message', data: 'c', id: '' },
      { event: 'message', data: 'd', id: '' },
    ]);
  });

  it('reassembles lines and events split at any byte', () => {
    const stream = 'event: progress\ndata: {"done":1}\n\n: hb\n\ndata: {"done":2}\n\n';
    const whole = parseAll([stream]);
    for (let cut = 1; cut < stream.length; cut += 1) {
      expect(parseAll([stream.slice(0, cut), stream.slice(cut)])).toEqual(whole);
    }
    expect(parseAll([...stream])).toEqual(whole);
  });

  it('drops an event the stream ended in the middle of', () => {
    const parser = new SseParser();
    expect(parser.push('data: complete\n\ndata: cut off')).toEqual([{ event: 'message', data: 'complete', id: '' }]);
    expect(parser.push('\n')).toEqual([]);
  });

  it('keeps the last event id, reads retry advice, and skips a leading BOM', () => {
    const parser = new SseParser();
    expect(parser.push('\uFEFFid: 7\nretry: 2500\ndata: x\n\nretry: soon\ndata: y\n\n')).toEqual([
      { event: 'message', data: 'x', id: '7' },
      { event: 'message', data: 'y', id: '7' },
    ]);
    expect(parser.retryMs).toBe(2500);
    expect(parser.lastEventId).toBe('7');
  });

  it('resets the event type after each dispatch', () => {
    expect(parseAll(['event: a\ndata: 1\n\ndata: 2\n\n']).map((m) => m.event)).toEqual(['a', 'message']);
  });
});
