import { javascript } from '@codemirror/lang-javascript';
import { json } from '@codemirror/lang-json';
import { markdown } from '@codemirror/lang-markdown';
import { yaml } from '@codemirror/lang-yaml';
import { css } from '@codemirror/lang-css';
import { html } from '@codemirror/lang-html';
import type { Extension } from '@codemirror/state';

export type CodeLanguage = 'yaml' | 'json' | 'markdown' | 'javascript' | 'typescript' | 'css' | 'html' | 'plain';

export function languageExtension(language: CodeLanguage): Extension {
  switch (language) {
    case 'yaml':
      return yaml();
    case 'json':
      return json();
    case 'markdown':
      return markdown();
    case 'javascript':
      return javascript({ jsx: true });
    case 'typescript':
      return javascript({ jsx: true, typescript: true });
    case 'css':
      return css();
    case 'html':
      return html();
    case 'plain':
      return [];
  }
}

const BY_EXTENSION: Record<string, CodeLanguage> = {
  yaml: 'yaml',
  yml: 'yaml',
  json: 'json',
  md: 'markdown',
  markdown: 'markdown',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascript',
  ts: 'typescript',
  mts: 'typescript',
  tsx: 'typescript',
  css: 'css',
  html: 'html',
  htm: 'html',
};

/** The language of a file, from its extension. */
export function languageForPath(path: string): CodeLanguage {
  const name = path.split('/').pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot < 0 ? 'plain' : (BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? 'plain');
}
