import { z } from 'zod';
import { AppError } from '../common/index.ts';

export const MANIFEST_MEMBER = 'manifest.json';
export const DATABASE_MEMBER = 'dihya.sqlite';
export const MANIFEST_FORMAT_VERSION = 1;

const member = z.object({
  path: z.string(),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mode: z.number().int().min(0),
});
export type ManifestMember = z.infer<typeof member>;

/**
 * What a backup holds and how to check it: every member with its size and sha256, the schema
 * migrations of the database, and the audit chain head at the snapshot (the GDPR checks compare a
 * restored chain against it). Stored as the archive's last member.
 */
export const manifestSchema = z.object({
  format: z.literal('dihya-backup'),
  formatVersion: z.number().int(),
  id: z.string(),
  createdAt: z.string(),
  kind: z.enum(['manual', 'scheduled', 'safety']),
  dihyaVersion: z.string(),
  schemaVersion: z.number().int(),
  migrations: z.array(z.string()),
  /** core/audit's head (seq, hash, count, origin) read in the snapshot; `head` is the last hash (genesis when empty). */
  audit: z.object({ head: z.string(), seq: z.number().int().min(0), count: z.number().int().min(0), origin: z.string().nullable() }),
  projects: z.number().int().min(0),
  /** The data folders that existed (possibly empty), so a restore recreates exactly those. */
  folders: z.array(z.string()),
  directories: z.array(z.string()),
  members: z.array(member),
});
export type Manifest = z.infer<typeof manifestSchema>;

export function parseManifest(text: string, file: string): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('BACKUP_CORRUPT', `The backup ${file} has an unreadable manifest; it cannot be trusted.`, { file });
  }
  const version = (value as { formatVersion?: unknown })?.formatVersion;
  if (typeof version === 'number' && version > MANIFEST_FORMAT_VERSION) {
    throw new AppError('BACKUP_UNSUPPORTED', `The backup ${file} was written by a newer Dihya (format ${version}); restore it with that version or newer.`, { file, formatVersion: version });
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) throw new AppError('BACKUP_CORRUPT', `The backup ${file} has an invalid manifest; it cannot be trusted.`, { file });
  return parsed.data;
}

export function manifestInfo(manifest: Manifest) {
  return {
    id: manifest.id,
    createdAt: manifest.createdAt,
    kind: manifest.kind,
    dihyaVersion: manifest.dihyaVersion,
    schemaVersion: manifest.schemaVersion,
    members: manifest.members.length,
    totalBytes: manifest.members.reduce((sum, m) => sum + m.size, 0),
    folders: manifest.folders,
    audit: manifest.audit,
    projects: manifest.projects,
  };
}
