import type { HeadersReceivedResponse, OnHeadersReceivedListenerDetails } from 'electron';

/**
 * Puts Dihya's Content-Security-Policy on every response of the session, replacing any policy a
 * response brought along. The policy is written inline in the callback (not in a constant) so
 * that electronegativity's CSP check can read and evaluate the real policy.
 *
 * Pages loaded from file:// never pass through webRequest, so the renderer's index.html must
 * carry the same policy in a <meta http-equiv="Content-Security-Policy"> tag as well.
 */
export function applyContentSecurityPolicy(
  details: OnHeadersReceivedListenerDetails,
  callback: (response: HeadersReceivedResponse) => void,
): void {
  callback({
    responseHeaders: {
      ...withoutContentSecurityPolicy(details.responseHeaders),
      'Content-Security-Policy': ["default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"],
    },
  });
}

/** Header names are case-insensitive, so a `content-security-policy` from elsewhere must go too. */
function withoutContentSecurityPolicy(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const kept: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'content-security-policy' || lower === 'content-security-policy-report-only') continue;
    kept[name] = value;
  }
  return kept;
}
