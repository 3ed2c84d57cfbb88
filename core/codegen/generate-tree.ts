import { canonicalJson } from '../audit/canonical-json.ts';
import type { ProjectModel } from '../api/project-model.ts';
import { AppError } from '../common/index.ts';
import { buildRenderContext } from './build-context.ts';
import type { GenerationWarning } from './context-types.ts';
import { hashFiles, LOCK_FILE_NAME, LOCK_VERSION, serializeLock, sha256, type LockFile } from './lock-file.ts';
import { renderPack, type ProgressListener } from './render-pack.ts';
import { resolveOptions } from './template-manifest.ts';
import type { TemplatePack } from './template-pack.ts';
import type { VirtualTree } from './virtual-tree.ts';

export interface GenerateTreeInput {
  model: ProjectModel;
  pack: TemplatePack;
  generatorVersion: string;
  options?: Readonly<Record<string, unknown>>;
  /** The spec text the model was read from, hashed into the lock. */
  specText?: string | undefined;
  onProgress?: ProgressListener;
}

export interface GeneratedTree {
  /** Every file to write, `dihya.lock.json` included, in path order. */
  tree: VirtualTree;
  lock: LockFile;
  warnings: GenerationWarning[];
  stats: { files: number; bytes: number };
}

/**
 * The pure half of generation: model + pack → a checked tree and its lock. Reads and writes
 * nothing, has no clock: the same input gives the same bytes.
 */
export function generateTree(input: GenerateTreeInput): GeneratedTree {
  const { model, pack } = input;
  if (pack.manifest.kind !== 'stack') throw new AppError('VALIDATION_FAILED', `Template pack ${pack.manifest.id} is a ${pack.manifest.kind} pack; generation needs a stack pack.`, { template: pack.manifest.id, reason: 'template-pack' });
  if (!pack.manifest.modelVersions.includes(model.modelVersion)) {
    throw new AppError('VALIDATION_FAILED', `Template pack ${pack.manifest.id} ${pack.manifest.version} supports model versions ${pack.manifest.modelVersions.join(', ')}, not ${model.modelVersion}. Update the pack or the model.`, { template: pack.manifest.id, reason: 'template-pack' });
  }
  const options = resolveOptions(pack.manifest, input.options);
  if (!options.ok) throw new AppError('VALIDATION_FAILED', `Invalid options for ${pack.manifest.id}: ${options.problems.join('; ')}.`, { problems: options.problems, reason: 'options' });

  const { context, warnings } = buildRenderContext({ model, generatorVersion: input.generatorVersion, options: options.options, data: pack.data, implemented: pack.manifest.implements });
  const tree = renderPack(pack, context, input.onProgress);
  const { files, rootHash } = hashFiles(tree);
  const lock: LockFile = {
    lockVersion: LOCK_VERSION,
    generator: { name: 'dihya', version: input.generatorVersion },
    modelVersion: model.modelVersion,
    modelHash: sha256(canonicalJson(model)),
    specHash: input.specText === undefined ? null : sha256(input.specText),
    templates: [{ id: pack.manifest.id, version: pack.manifest.version, kind: pack.manifest.kind, contentHash: pack.contentHash }],
    plugins: [],
    options: options.options,
    files,
    rootHash,
  };
  const withLock: VirtualTree = new Map(tree);
  withLock.set(LOCK_FILE_NAME, new TextEncoder().encode(serializeLock(lock)));
  let bytes = 0;
  for (const content of withLock.values()) bytes += content.byteLength;
  return { tree: withLock, lock, warnings, stats: { files: withLock.size, bytes } };
}
