import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { AppError } from '../common/index.ts';
import { hashFiles } from './lock-file.ts';
import { unsafePathReason } from './safe-path.ts';
import { templateManifest, type TemplateManifest } from './template-manifest.ts';

/** Limits on what a pack may hold: packs come from strangers and are read whole into memory. */
export const PACK_LIMITS = Object.freeze({ maxFiles: 2_000, maxFileBytes: 1024 * 1024, maxTotalBytes: 16 * 1024 * 1024 });

export interface TemplatePack {
  manifest: TemplateManifest;
  /** Template paths under `files/` → template text, in path order. */
  files: ReadonlyMap<string, string>;
  partials: ReadonlyMap<string, string>;
  data: Readonly<Record<string, unknown>>;
  /** Root hash over every file of the pack (manifest included): pins the exact templates used. */
  contentHash: string;
}

function refuse(message: string, details: Record<string, unknown>): AppError {
  return new AppError('VALIDATION_FAILED', message, { ...details, reason: 'template-pack' });
}

/** Reads every regular file below `root`; a symlink or any other special file is refused. */
async function readTree(root: string): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  let total = 0;
  const walk = async (dir: string, prefix: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      const reason = unsafePathReason(rel);
      if (reason !== undefined) throw refuse(`Template pack file "${rel}" is refused: ${reason}.`, { path: rel });
      const full = join(dir, entry.name);
      const stat = await lstat(full);
      if (stat.isSymbolicLink()) throw refuse(`Template pack file "${rel}" is a symbolic link; packs may only hold plain files.`, { path: rel });
      if (stat.isDirectory()) {
        await walk(full, rel);
        continue;
      }
      if (!stat.isFile()) throw refuse(`Template pack entry "${rel}" is not a plain file.`, { path: rel });
      if (out.size >= PACK_LIMITS.maxFiles) throw refuse(`The template pack has more than ${PACK_LIMITS.maxFiles} files.`, { limit: PACK_LIMITS.maxFiles });
      if (stat.size > PACK_LIMITS.maxFileBytes) throw refuse(`Template pack file "${rel}" is larger than ${PACK_LIMITS.maxFileBytes} bytes.`, { path: rel });
      total += stat.size;
      if (total > PACK_LIMITS.maxTotalBytes) throw refuse(`The template pack is larger than ${PACK_LIMITS.maxTotalBytes} bytes.`, { limit: PACK_LIMITS.maxTotalBytes });
      out.set(rel, await readFile(full));
    }
  };
  await walk(root, '');
  return out;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function text(path: string, bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw refuse(`Template pack file "${path}" is not UTF-8 text.`, { path });
  }
}

/** Loads and checks a pack from a folder. Nothing is rendered or written here. */
export async function loadTemplatePack(root: string): Promise<TemplatePack> {
  let stat;
  try {
    stat = await lstat(root);
  } catch {
    throw new AppError('NOT_FOUND', `No template pack at ${root}.`, { root });
  }
  if (!stat.isDirectory()) throw refuse(`The template pack at ${root} is not a folder.`, { root });
  return templatePackFromFiles(await readTree(root));
}

/** Builds a pack from its files (relative path → bytes), as read from a folder or an archive. */
export function templatePackFromFiles(all: ReadonlyMap<string, Uint8Array>): TemplatePack {
  const manifestBytes = all.get('template.yaml');
  if (manifestBytes === undefined) throw refuse('The template pack has no template.yaml at its root.', {});
  let raw: unknown;
  try {
    raw = parseYaml(text('template.yaml', manifestBytes), { maxAliasCount: 50 });
  } catch (error) {
    throw refuse(`template.yaml is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, {});
  }
  const parsed = templateManifest.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refuse(`template.yaml is invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'unknown problem'}`, { issues: parsed.error.issues.slice(0, 10) });
  }
  const files = new Map<string, string>();
  const partials = new Map<string, string>();
  const data: Record<string, unknown> = {};
  for (const [path, bytes] of all) {
    const unsafe = unsafePathReason(path);
    if (unsafe !== undefined) throw refuse(`Template pack file "${path}" is refused: ${unsafe}.`, { path });
    if (path === 'template.yaml') continue;
    if (path.startsWith('files/')) files.set(path.slice('files/'.length), text(path, bytes));
    else if (path.startsWith('partials/') && path.endsWith('.hbs')) partials.set(path.slice('partials/'.length, -'.hbs'.length), text(path, bytes));
    else if (path.startsWith('data/') && /^data\/[a-z][a-z0-9-]*\.ya?ml$/.test(path)) {
      const name = path.slice('data/'.length).replace(/\.ya?ml$/, '').replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
      try {
        data[name] = parseYaml(text(path, bytes), { maxAliasCount: 50 });
      } catch (error) {
        throw refuse(`${path} is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, { path });
      }
    } else if (!/^(README|LICENSE)(\.md|\.txt)?$/i.test(path)) {
      throw refuse(`Template pack file "${path}" is outside files/, partials/ and data/.`, { path });
    }
  }
  for (const rule of parsed.data.files) {
    const known = rule.path.endsWith('/') ? [...files.keys()].some((p) => p.startsWith(rule.path)) : files.has(rule.path);
    if (!known) throw refuse(`template.yaml names "${rule.path}" in files, but the pack has no such template.`, { path: rule.path });
  }
  return { manifest: parsed.data, files, partials, data, contentHash: hashFiles(all).rootHash };
}
