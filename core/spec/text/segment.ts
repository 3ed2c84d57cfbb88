import { fold } from './normalise.ts';

/**
 * Splits a spec into blocks (headings, list items, paragraphs, table rows) and blocks into
 * sentences, remembering which source line every character came from so that each extracted item
 * can point at its line.
 */

export type BlockKind = 'heading' | 'item' | 'para' | 'row';

export interface Block {
  index: number;
  kind: BlockKind;
  /** Heading level (1–6) or list indentation. */
  level: number;
  text: string;
  /** Where each source line starts in `text`. */
  lineStarts: { offset: number; line: number }[];
  /** The nearest heading above, if any. */
  heading: Block | undefined;
  cells?: string[];
  /** The header row of the table this row belongs to. */
  header?: string[];
}

export interface Segment {
  block: Block;
  text: string;
  /** Offset of `text` in the block text. */
  offset: number;
}

interface SourceLine {
  no: number;
  indent: number;
  kind: BlockKind | 'blank' | 'continuation';
  level: number;
  content: string;
  cells?: string[];
  header?: string[];
}

/** First header cell of a table whose rows are attributes, one per row. */
export const FIELD_TABLE = /^(champs?|fields?|attributs?|attributes?|nom du champ|field name|proprietes?|properties|property|colonnes?|columns?|donnees?|data|nom|name)$/;

const BULLET = /^([-*+•·–—]|\d{1,3}[.)]|[a-zA-Z][.)])\s+(.*)$/u;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE = /^\s*(```|~~~)/;

/** Removes inline markdown that carries no meaning for extraction. */
function stripInline(text: string): string {
  return text
    .replace(/!\[[^\]]{0,200}\]\([^)]{0,500}\)/g, ' ')
    .replace(/\[([^\]]{0,200})\]\([^)]{0,500}\)/g, '$1')
    .replace(/(\*\*|__|~~|`)/g, '')
    .replace(/(^|\s)[*_](\S)/g, '$1$2')
    .replace(/(\S)[*_](?=\s|$|[.,;:!?)])/g, '$1');
}

function classify(raw: string, no: number): SourceLine {
  const indent = raw.length - raw.trimStart().length;
  let text = raw.trim().replace(/^>\s?/, '');
  if (text === '') return { no, indent, kind: 'blank', level: 0, content: '' };
  const heading = HEADING.exec(text);
  if (heading !== null) return { no, indent, kind: 'heading', level: heading[1]!.length, content: stripInline(heading[2]!) };
  if (/^\|.*\|$/.test(text)) {
    const cells = text.slice(1, -1).split('|').map((c) => stripInline(c.trim()));
    if (cells.every((c) => /^:?-{2,}:?$/.test(c) || c === '')) return { no, indent, kind: 'blank', level: 0, content: '' };
    // "| Product | name, price |" reads as "Product : name, price".
    const content = cells.length >= 2 ? `${cells[0]} : ${cells.slice(1).filter((c) => c !== '').join(', ')}` : cells.join(' ');
    return { no, indent, kind: 'row', level: 0, content, cells };
  }
  const bullet = BULLET.exec(text);
  // "A." or "M." alone open a sentence, not a list; keep single letters for "a)" style only.
  if (bullet !== null && !(/^[a-zA-Z]\.$/.test(bullet[1]!) && /^[A-Z]/.test(bullet[2] ?? ''))) {
    return { no, indent, kind: 'item', level: Math.floor(indent / 2), content: stripInline(bullet[2]!) };
  }
  text = stripInline(text);
  return { no, indent, kind: 'para', level: 0, content: text };
}

const FUNCTION_END = new Set(['et', 'ou', 'de', 'des', 'du', 'la', 'le', 'les', 'un', 'une', 'a', 'an', 'the', 'and', 'or', 'of', 'to', 'for', 'with', 'avec', 'pour', 'par', 'en', 'dans', 'sur', 'in', 'on', 'by']);

function endsOpen(text: string): boolean {
  if (/[,:;(–—-]$/.test(text)) return true;
  const last = fold(text.split(/\s+/).pop() ?? '');
  return FUNCTION_END.has(last);
}

/**
 * Hard-wrapped prose continues on the next line; one-statement-per-line notes do not. A line
 * continues the block when the break is visibly mid-sentence, or when the text is punctuated
 * prose and the next line starts in lower case.
 */
function continues(prev: SourceLine, current: SourceLine, prose: boolean): boolean {
  if (current.kind !== 'para') return false;
  if (prev.kind !== 'item' && prev.kind !== 'para') return false;
  const text = current.content;
  if (/^[(\u00bb"”)]/.test(text)) return true;
  if (endsOpen(prev.content)) return true;
  if (prev.kind === 'item' && current.indent > 0) return true;
  if (prose && /^\p{Ll}/u.test(text) && !/[.!?]$/.test(prev.content) && prev.content.length >= 50) return true;
  return false;
}

/** Lines: the spec's text, already sanitised; one entry per source line. */
export function segmentBlocks(lines: readonly string[]): Block[] {
  const classified: SourceLine[] = [];
  let fenced = false;
  let header: string[] | undefined;
  lines.forEach((raw, i) => {
    if (FENCE.test(raw)) {
      fenced = !fenced;
      classified.push({ no: i + 1, indent: 0, kind: 'blank', level: 0, content: '' });
      return;
    }
    if (fenced) {
      classified.push({ no: i + 1, indent: 0, kind: 'blank', level: 0, content: '' });
      return;
    }
    // A table's header row ("| Entity | Fields |") sits just above its "|---|" separator.
    if (/^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(raw) && raw.includes('|')) {
      const prev = classified.at(-1);
      if (prev !== undefined && prev.kind === 'row') {
        prev.kind = 'blank';
        header = prev.cells;
      }
      classified.push({ no: i + 1, indent: 0, kind: 'blank', level: 0, content: '' });
      return;
    }
    // Setext headings: "Title\n=====".
    if (/^\s*(=+|-{3,})\s*$/.test(raw)) {
      const prev = classified.at(-1);
      if (prev !== undefined && prev.kind === 'para') prev.kind = 'heading';
      classified.push({ no: i + 1, indent: 0, kind: 'blank', level: 0, content: '' });
      return;
    }
    const line = classify(raw, i + 1);
    if (line.kind !== 'row') header = undefined;
    else if (header !== undefined) {
      line.header = header;
      // A row of a field table ("| nom | texte | oui |") names one attribute; the table rule reads its cells.
      if (FIELD_TABLE.test(fold(header[0] ?? ''))) line.content = line.cells?.[0] ?? line.content;
    }
    classified.push(line);
  });
  const textual = classified.filter((l) => l.kind === 'para' || l.kind === 'item');
  const punctuated = textual.filter((l) => /[.!?:;,]$/.test(l.content)).length;
  const prose = textual.length > 0 && punctuated / textual.length >= 0.5;

  const blocks: Block[] = [];
  let heading: Block | undefined;
  let previous: SourceLine | undefined;
  for (const line of classified) {
    if (line.kind === 'blank') {
      previous = undefined;
      continue;
    }
    const current = blocks.at(-1);
    if (previous !== undefined && current !== undefined && continues(previous, line, prose)) {
      current.lineStarts.push({ offset: current.text.length + 1, line: line.no });
      current.text = `${current.text} ${line.content}`;
      previous = { ...line, kind: current.kind === 'item' ? 'item' : 'para', content: line.content };
      continue;
    }
    const block: Block = {
      index: blocks.length,
      kind: line.kind as BlockKind,
      level: line.level,
      text: line.content,
      lineStarts: [{ offset: 0, line: line.no }],
      heading: line.kind === 'heading' ? undefined : heading,
      ...(line.cells !== undefined ? { cells: line.cells } : {}),
      ...(line.header !== undefined ? { header: line.header } : {}),
    };
    blocks.push(block);
    if (line.kind === 'heading') heading = block;
    previous = line;
  }
  return blocks;
}

export function lineAt(block: Block, offset: number): number {
  let line = block.lineStarts[0]!.line;
  for (const start of block.lineStarts) {
    if (start.offset > offset) break;
    line = start.line;
  }
  return line;
}

const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'ex', 'cf', 'vs', 'n°', 'no', 'nb', 'm', 'mme', 'mr', 'mrs', 'dr', 'st', 'approx', 'env', 'p', 'ref', 'tel']);
const MAX_SENTENCE = 1_200;

/** Sentences (and `;` clauses) of a block, outside parentheses and quotes. */
export function splitSentences(block: Block): Segment[] {
  const text = block.text;
  const segments: Segment[] = [];
  let depth = 0;
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (/[\p{L}\p{N}]/u.test(trimmed)) segments.push({ block, text: trimmed, offset: start + lead });
    start = end + 1;
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (ch === '(' || ch === '[') depth += 1;
    else if ((ch === ')' || ch === ']') && depth > 0) depth -= 1;
    else if (depth === 0 && (ch === '.' || ch === '!' || ch === '?' || ch === ';' || ch === '…')) {
      const next = text[i + 1];
      if (next !== undefined && !/\s/.test(next)) continue;
      if (ch === '.') {
        const word = fold(/([\p{L}\p{N}.°]+)$/u.exec(text.slice(Math.max(0, i - 12), i))?.[1] ?? '');
        if (ABBREVIATIONS.has(word)) continue;
      }
      push(i);
    } else if (i - start >= MAX_SENTENCE && (ch === ',' || ch === ' ')) {
      // A run-on "sentence" (or junk without punctuation) is cut so every rule stays linear.
      push(i);
    }
  }
  push(text.length);
  return segments;
}
