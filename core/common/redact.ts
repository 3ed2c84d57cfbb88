/**
 * Redaction applied before anything is written to the audit log, the application log, or an error
 * that leaves the core. Pure string work with no node: imports, because AppError (imported by the
 * renderer through core/api) uses it.
 *
 * Two modes:
 * - `secrets` removes credentials only (tokens, keys, passwords, Authorization values). Exports use
 *   it: they hand the user their own personal data, but never a credential.
 * - `full` also masks e-mail addresses and phone numbers. Audit entries, logs and errors use it.
 *
 * To add a provider's token format, add a row to SECRET_PATTERNS (most specific first) and a case
 * to redact.test.ts. Patterns must never match what we write ourselves (hashes, UUIDs, ISO times):
 * the test suite checks that too.
 */
export type RedactionMode = 'secrets' | 'full';

export const REDACTED = '[REDACTED]';

interface SecretPattern {
  kind: string;
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

const tag = (kind: string) => () => `[REDACTED:${kind}]`;

/** Key names whose values are credentials, as lower_snake segments. */
const SECRET_KEY_WORDS = 'password|passwd|pwd|passphrase|secret|secrets|token|api_?key|access_?key|private_?key|client_?secret|authorization|auth|cookie|set_cookie|credential|credentials|session|session_?id|signature';
const SECRET_KEY = new RegExp(`(^|_)(${SECRET_KEY_WORDS})($|_)`);
// In text, keys appear in any case style; the key body allows camelCase words around the secret word.
const TEXT_KEY_WORDS = 'password|passwd|pwd|passphrase|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|client[_-]?secret|credentials?|session[_-]?id|cookie';

export const SECRET_PATTERNS: readonly SecretPattern[] = [
  { kind: 'private-key', pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z0-9 ]*PRIVATE KEY-----/g, replace: tag('private-key') },
  // The whole credential after an Authorization header name, whatever its scheme.
  {
    kind: 'authorization',
    pattern: /\b((?:proxy-)?authorization)(["']?\s*[:=]\s*["']?)(?:(?:bearer|basic|token|digest|negotiate)\s+)?[^\s"',;}\]]+/gi,
    replace: (_m, name = '', sep = '') => `${name}${sep}${REDACTED}`,
  },
  { kind: 'bearer', pattern: /\b(Bearer)\s+[A-Za-z0-9._~+/-]{16,}=*/gi, replace: (_m, scheme = '') => `${scheme} ${REDACTED}` },
  { kind: 'url-credentials', pattern: /\b([a-z][a-z0-9+.-]*:\/\/)[^\s:@/]+:[^\s@/]+@/gi, replace: (_m, scheme = '') => `${scheme}${REDACTED}@` },
  { kind: 'github', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g, replace: tag('github') },
  { kind: 'notion', pattern: /\b(?:secret_[A-Za-z0-9]{30,}|ntn_[A-Za-z0-9]{30,})\b/g, replace: tag('notion') },
  { kind: 'stripe', pattern: /\b(?:(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}|whsec_[A-Za-z0-9]{20,})\b/g, replace: tag('stripe') },
  { kind: 'jwt', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, replace: tag('jwt') },
  { kind: 'slack', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g, replace: tag('slack') },
  { kind: 'aws', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, replace: tag('aws') },
  { kind: 'google', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g, replace: tag('google') },
  { kind: 'openai', pattern: /\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}\b/g, replace: tag('openai') },
  // The same inside a JSON string that holds JSON (`"{\"token\":\"…\"}"`), common in logged payloads.
  {
    kind: 'key-value-escaped',
    pattern: new RegExp(`(\\\\")([A-Za-z0-9_.-]*(?:${TEXT_KEY_WORDS})[A-Za-z0-9_.-]*)\\\\"(\\s*:\\s*)(\\\\"(?:[^\\\\]|\\\\[^"])*\\\\"|[^\\s,;&}\\]\\\\"]+)`, 'gi'),
    replace: (_m, quote = '', key = '', sep = '') => `${quote}${key}${quote}${sep}\\"${REDACTED}\\"`,
  },
  // `password=…`, `"apiKey": "…"`, `token: …`: the value goes, the key and its quoting stay, so
  // JSON log lines remain valid JSON (objects and arrays are left to the structural pass).
  {
    kind: 'key-value',
    pattern: new RegExp(`(["']?)([A-Za-z0-9_.-]*(?:${TEXT_KEY_WORDS})[A-Za-z0-9_.-]*)\\1(\\s*[:=]\\s*)("(?:[^"\\\\]|\\\\.)*"|'[^']*'|(?![{\\[])[^\\s,;&}\\]"']+)`, 'gi'),
    replace: (_m, quote = '', key = '', sep = '', value = '') => `${quote}${key}${quote}${sep}${value.startsWith("'") ? `'${REDACTED}'` : quote === '"' || value.startsWith('"') ? `"${REDACTED}"` : REDACTED}`,
  },
];

const EMAIL = /(?<![\w.%+-])([A-Za-z0-9._%+-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)\.([A-Za-z]{2,24})(?![\w-])/g;
const PHONE = /(?<![\w.+/:-])(?:\+\d{1,3}[ .-]?|00\d{1,3}[ .-]?|\(\d{1,4}\) ?|0\d)[\d ().-]{5,16}\d(?![\w-])|(?<![\w.+/:-])\d{3}[-.]\d{3}[-.]\d{4}(?![\w-])/g;

function maskEmail(_match: string, local: string, domain: string, tld: string): string {
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***.${tld}`;
}

/** Keeps the shape and the last two digits ("+** * ** ** ** 78"): enough to tell numbers apart. */
function maskPhone(match: string): string {
  const digits = match.replace(/\D/g, '').length;
  if (digits < 8 || digits > 15) return match;
  let seen = 0;
  return match.replace(/\d/g, (d) => (++seen > digits - 2 ? d : '*'));
}

export function redactText(text: string, mode: RedactionMode = 'full'): string {
  let out = text;
  for (const { pattern, replace } of SECRET_PATTERNS) out = out.replace(pattern, replace as (substring: string, ...args: unknown[]) => string);
  if (mode === 'full') out = out.replace(EMAIL, maskEmail as (substring: string, ...args: unknown[]) => string).replace(PHONE, maskPhone);
  return out;
}

/** `apiKey`, `GITHUB_TOKEN`, `x-session-id`… → true; `author`, `tokens`, `key` → false. */
export function isSecretKey(key: string): boolean {
  const normal = key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[-.\s]+/g, '_').toLowerCase();
  return SECRET_KEY.test(normal);
}

const MAX_DEPTH = 20;

/**
 * Redacts a JSON-like value: values under credential-named keys go entirely (whatever their
 * type), every string (keys included) goes through `redactText`. Returns a new value; the input
 * is not touched. Errors become `{ name, message, stack }` so their text is redacted too.
 */
export function redactValue<T>(value: T, mode: RedactionMode = 'full'): T {
  return walk(value, mode, 0) as T;
}

function walk(value: unknown, mode: RedactionMode, depth: number): unknown {
  if (typeof value === 'string') return redactText(value, mode);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[…]';
  if (Array.isArray(value)) return value.map((item) => walk(item, mode, depth + 1));
  if (value instanceof Error) {
    const out: Record<string, unknown> = { name: value.name, message: redactText(value.message, mode) };
    if (value.stack !== undefined) out.stack = redactText(value.stack, mode);
    return out;
  }
  if (value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const safeKey = redactText(key, mode);
    out[safeKey] = isSecretKey(key) && item !== null && item !== undefined && typeof item !== 'boolean' ? REDACTED : walk(item, mode, depth + 1);
  }
  return out;
}
