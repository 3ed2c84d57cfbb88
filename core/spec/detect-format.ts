import type { ResolvedSpecFormat, SpecFormat } from '../api/spec.ts';

/**
 * YAML, JSON or prose. The file extension decides when there is one; otherwise the content:
 * JSON starts with a brace, YAML with a document marker or a top-level key of the model. Prose
 * such as "Clients: nom, email" is not YAML even though YAML would accept it.
 */

const MODEL_KEY = /^(modelVersion|name|slug|description|domain|languages|roles|features|stacks|entities|requirements)\s*:/;

export function detectFormat(text: string, format: SpecFormat = 'auto', fileName?: string): ResolvedSpecFormat {
  if (format !== 'auto') return format;
  const extension = /\.([a-z0-9]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
  if (extension === 'yaml' || extension === 'yml') return 'yaml';
  if (extension === 'json') return 'json';
  if (extension === 'md' || extension === 'txt' || extension === 'markdown' || extension === 'text') return 'text';
  const start = text.slice(0, 20_000).replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  if (start.startsWith('---') || start.startsWith('%YAML')) return 'yaml';
  const meaningful = start.split('\n').map((l) => l.trimEnd()).filter((l) => l !== '' && !l.startsWith('#'));
  const keys = meaningful.filter((l) => MODEL_KEY.test(l)).length;
  if (meaningful.length > 0 && MODEL_KEY.test(meaningful[0]!) && keys >= 2) return 'yaml';
  return 'text';
}
