/**
 * Rules every path a template pack names or a generation writes must follow. Packs are untrusted
 * data: a path that could escape the output folder, clash on a case-insensitive file system or be
 * unusable on Windows is refused before anything is written.
 */
export const PATH_LIMITS = Object.freeze({ maxLength: 240, maxSegmentLength: 120, maxDepth: 24 });

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[\u0000-\u001f\u007f<>:"|?*\\]/;

/** Why `path` is not a safe relative output path, or `undefined` when it is. */
export function unsafePathReason(path: string): string | undefined {
  if (path.length === 0) return 'the path is empty';
  if (path.length > PATH_LIMITS.maxLength) return `the path is longer than ${PATH_LIMITS.maxLength} characters`;
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'the path is absolute';
  if (path.includes('\\')) return 'the path contains a backslash';
  if (FORBIDDEN_CHARS.test(path)) return 'the path contains a control character or one of < > : " | ? *';
  const segments = path.split('/');
  if (segments.length > PATH_LIMITS.maxDepth) return `the path is nested deeper than ${PATH_LIMITS.maxDepth} folders`;
  for (const segment of segments) {
    if (segment === '') return 'the path has an empty segment (// or a trailing /)';
    if (segment === '..') return 'the path climbs out of its folder (..)';
    if (segment === '.') return 'the path has a . segment';
    if (segment.length > PATH_LIMITS.maxSegmentLength) return `a path segment is longer than ${PATH_LIMITS.maxSegmentLength} characters`;
    if (/[. ]$/.test(segment)) return 'a path segment ends with a dot or a space';
    if (WINDOWS_RESERVED.test(segment)) return `"${segment}" is a reserved device name on Windows`;
    if (segment.toLowerCase() === '.git') return 'the path writes inside .git';
  }
  return undefined;
}

/** Byte order of the UTF-8 encoding: the one ordering every language and tool agrees on. */
export function comparePaths(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
