import { Buffer } from 'node:buffer';
import { AppError } from '../common/index.ts';

/**
 * Refusals that come before any parsing: nothing to read, not text, or too big to be a spec.
 * Each is an AppError with a stable code, so transports and the CLI can tell them apart.
 */

/** Structured specs describe a project, not a data dump: 1 MiB is generous (a 200-entity spec is ~100 KiB). */
export const MAX_STRUCTURED_BYTES = 1024 * 1024;

const SAMPLE = 64 * 1024;

export function assertReadable(text: string): void {
  if (text.trim() === '') throw new AppError('BAD_REQUEST', 'The specification is empty.', { reason: 'empty' });
  const sample = text.slice(0, SAMPLE);
  if (sample.includes('\u0000')) throw new AppError('BAD_REQUEST', 'This file is binary data, not a text specification.', { reason: 'binary' });
  let odd = 0;
  for (const ch of sample) {
    const code = ch.codePointAt(0)!;
    // U+FFFD is what invalid UTF-8 decodes to; control characters other than tab and newlines are not prose.
    if (code === 0xfffd || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d)) odd += 1;
  }
  if (odd > 8 && odd / sample.length > 0.02) {
    throw new AppError('BAD_REQUEST', 'This file does not look like text (undecodable or control characters); save the spec as UTF-8 text, YAML or JSON.', { reason: 'binary' });
  }
}

export function assertStructuredSize(text: string): void {
  const bytes = text.length > MAX_STRUCTURED_BYTES ? Buffer.byteLength(text, 'utf8') : text.length;
  if (bytes > MAX_STRUCTURED_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `A structured spec has at most ${MAX_STRUCTURED_BYTES / 1024} KiB; this one has ${Math.ceil(bytes / 1024)} KiB.`, { limit: MAX_STRUCTURED_BYTES, size: bytes });
  }
}
