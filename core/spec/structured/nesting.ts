/**
 * Refuses documents nested deeper than any spec needs before a parser recurses into them
 * (`[[[[…]]]]` a million times deep would blow the stack). A single linear scan: brackets outside
 * JSON strings, and YAML indentation levels.
 */

export const MAX_DEPTH = 64;

export interface DepthProblem {
  offset: number;
  depth: number;
}

export function findExcessiveNesting(text: string, format: 'yaml' | 'json'): DepthProblem | undefined {
  let depth = 0;
  let inString = false;
  let quote = '';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (inString) {
      if (ch === '\\' && format === 'json') i += 1;
      else if (ch === quote) inString = false;
      continue;
    }
    if (ch === '"' && format === 'json') {
      inString = true;
      quote = ch;
    } else if (ch === '[' || ch === '{') {
      depth += 1;
      if (depth > MAX_DEPTH) return { offset: i, depth };
    } else if ((ch === ']' || ch === '}') && depth > 0) depth -= 1;
  }
  if (format === 'yaml') return yamlIndentDepth(text);
  return undefined;
}

function yamlIndentDepth(text: string): DepthProblem | undefined {
  const stack: number[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const content = line.trimStart();
    if (content !== '' && !content.startsWith('#')) {
      // "- " opens a level of its own: a list item nested in its parent.
      const dash = /^(-\s+)+/.exec(content)?.[0].length ?? 0;
      const indent = line.length - content.length + dash;
      while (stack.length > 0 && stack.at(-1)! >= indent) stack.pop();
      stack.push(indent);
      if (stack.length + (dash > 0 ? 1 : 0) > MAX_DEPTH) return { offset, depth: stack.length };
    }
    offset += line.length + 1;
  }
  return undefined;
}
