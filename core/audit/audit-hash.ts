import { hash, randomBytes } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

/**
 * How an audit entry is hashed. Two versions exist; neither may ever change in place, because
 * every user's chain depends on them.
 *
 * v1 (entries written before migration 0003): sha256 over the canonical JSON of
 * `{seq, at, actor, action, subject, details, prev}`. Content cannot be erased without breaking it.
 *
 * v2 (every entry since): the entry commits to its content through a salted hash,
 *   content = sha256(canonical {details, salt, subject})
 *   hash    = sha256(canonical {action, actor, at, content, prev, seq, v: 2})
 * so an erasure (GDPR Art. 17) can delete subject, details and salt while the chain still
 * verifies from the stored `content_hash`. The random salt makes the remaining content hash
 * useless for guessing what was erased ("was the name Amel?").
 *
 * Both texts are stored exactly as hashed (`header_text`, `content_text`; audit-table.ts), the
 * other columns read out of them. `details` goes in as canonical JSON, unparsed; the exact walk
 * rebuilds the texts from the columns with the functions below and must get the same bytes.
 */
export const GENESIS_HASH = '0'.repeat(64);

const q = JSON.stringify;

export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

/** The exact text the content hash covers; keys in canonical (sorted) order. */
export function contentText(subject: string | null, detailsJson: string, salt: string): string {
  return `{"details":${detailsJson},"salt":${q(salt)},"subject":${q(subject)}}`;
}

export function contentHashV2(subject: string | null, detailsJson: string, salt: string): string {
  return sha256Hex(contentText(subject, detailsJson, salt));
}

export interface HeaderFields {
  seq: number;
  at: string;
  actor: string;
  action: string;
  contentHash: string;
  prevHash: string;
}

export function headerText(h: HeaderFields): string {
  return `{"action":${q(h.action)},"actor":${q(h.actor)},"at":${q(h.at)},"content":${q(h.contentHash)},"prev":${q(h.prevHash)},"seq":${h.seq},"v":2}`;
}

export function entryHashV2(h: HeaderFields): string {
  return sha256Hex(headerText(h));
}

export interface V1Fields {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  details: Record<string, unknown>;
  prevHash: string;
}

export function entryHashV1(entry: V1Fields): string {
  return sha256Hex(canonicalJson({ seq: entry.seq, at: entry.at, actor: entry.actor, action: entry.action, subject: entry.subject, details: entry.details, prev: entry.prevHash }));
}
