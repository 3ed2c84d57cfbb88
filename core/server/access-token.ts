import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh token per start: anything else on the machine must be handed the link to get in. */
export function newAccessToken(): string {
  return randomBytes(32).toString('base64url');
}

export function bearerMatches(header: string | undefined, token: string): boolean {
  if (header === undefined || !header.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length).trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
